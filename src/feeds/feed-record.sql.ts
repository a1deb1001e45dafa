import type { QueryConfig } from 'pg';
import type { FetchSuccess } from './feed.repository';

/**
 * Recording a successful fetch: one UPDATE per fetched feed, on the ingestion hot path
 * (FeedRepository.recordSuccess says why it runs on the `pg` pool). Unnamed, as before: a named
 * statement would keep a generic plan chosen once.
 *
 * $1 id, $2 now, $3 status, $4 new items, $5 interval, $6 next check, $7 not modified (keep
 * validators), $8 etag, $9 last modified, $10 unconditional, $11 title, $12 site, $13 language,
 * $14 items missed: recordSuccessStatement lists the values in that order.
 */
const RECORD_SUCCESS = `
  UPDATE feeds SET
    last_fetched_at = $2::timestamptz, last_success_at = $2::timestamptz, last_status = $3::int,
    last_error = NULL, last_error_code = NULL, consecutive_errors = 0,
    items_seen = items_seen + $4::int, interval_seconds = $5::int,
    next_check_at = $6::timestamptz, lease_owner = NULL, lease_until = NULL,
    etag = CASE WHEN $7::boolean THEN etag ELSE $8::text END,
    last_modified = CASE WHEN $7::boolean THEN last_modified ELSE $9::text END,
    last_unconditional_at = CASE WHEN $10::boolean THEN $2::timestamptz ELSE last_unconditional_at END,
    title = coalesce($11::text, title),
    site_url = coalesce($12::text, site_url),
    language = coalesce($13::text, language),
    gap_count = gap_count + CASE WHEN $14::boolean THEN 1 ELSE 0 END,
    last_gap_at = CASE WHEN $14::boolean THEN $2::timestamptz ELSE last_gap_at END,
    updated_at = $2::timestamptz
  WHERE id = $1::int`;

/** The statement and its values in the order the text numbers them. */
export function recordSuccessStatement(id: number, at: Date, r: FetchSuccess): QueryConfig {
  return {
    text: RECORD_SUCCESS,
    values: [
      id,
      at,
      r.status,
      r.newItems,
      r.intervalSeconds,
      r.nextCheckAt,
      r.notModified,
      r.etag ?? null,
      r.lastModified ?? null,
      r.unconditional,
      r.title || null,
      r.siteUrl || null,
      r.language || null,
      r.missedItems === true,
    ],
  };
}
