import type { QueryConfig } from 'pg';
import type { KnownItem } from './verdict';

/**
 * Newest accepted items per prediction (by publication, up to asOf) that a verdict rests on.
 * Bounded so a scorecard request stays cheap at any size: the assessment is of the evidence of the
 * recent past, read index-only by the (trend, status, published_at DESC) index (which includes
 * reviewed_at and created_at for this), not of every row ever
 * accepted. Of those, only the ones already accepted at asOf count; the bound is applied first,
 * so a time-travel request never scans a trend's whole history for rows accepted by then.
 */
export const VERDICT_EVIDENCE_WINDOW = 100;

/**
 * What was known at $1: published by then and accepted (reviewed, or filed accepted) by then. Read
 * on the `pg` pool, prepared once per connection (named): it runs on every scorecard and
 * track-record request (docs/architecture.md, Data access).
 */
const VERDICT_STATEMENT = `
SELECT
  (SELECT json_agg(json_build_array(id, number, slug) ORDER BY number) FROM trends) AS trends,
  (SELECT json_agg(json_build_array(t.id, e.id, e.stance, e.score, a.url,
                   round(extract(epoch FROM e.published_at) * 1000),
                   round(extract(epoch FROM GREATEST(e.published_at, COALESCE(e.reviewed_at, e.created_at))) * 1000)))
   FROM trends t
   CROSS JOIN LATERAL (
     SELECT * FROM (
       SELECT id, stance, score, article_id, published_at, reviewed_at, created_at FROM evidence
       WHERE trend_id = t.id AND status = 'accepted' AND published_at <= $1::timestamptz
       ORDER BY published_at DESC LIMIT ${VERDICT_EVIDENCE_WINDOW}
     ) recent WHERE COALESCE(reviewed_at, created_at) <= $1::timestamptz
   ) e
   JOIN articles a ON a.id = e.article_id) AS items`;

/** [trend id, evidence id, stance, score, article url, published at, known at (epoch ms)] */
export type ItemTuple = [number, number, string, number, string | null, number, number];

export type VerdictRow = {
  trends: [number, number, string][] | null;
  items: ItemTuple[] | null;
};

export function verdictReadStatement(asOf: Date): QueryConfig {
  return { name: 'verdicts', text: VERDICT_STATEMENT, values: [asOf] };
}

export function decodeItem([trendId, evidenceId, stance, score, url, publishedAt, knownAt]: ItemTuple): KnownItem {
  return { trendId, evidenceId, stance, score, url, publishedAt, knownAt };
}
