import type { QueryConfig } from 'pg';

/**
 * Skip items the feed delivered before, insert new stories, link the feed's items to their
 * articles (new or already stored under the same normalised URL). $1 feed id, $2 the items as
 * JSON (StoredItemRow[]), $3 null or the hashes to retry, $4 null (polled) or the import that
 * brought the items, recorded on their feed_items rows. Counts and ids come back rather than
 * every hash: decoding arrays is a real share of a feed's CPU. Each new article comes back with
 * the ord of the item it was made from, so a caller holding the items (an import) can tag them
 * without reading them back.
 *
 * Lookups by key are correlated subqueries with LIMIT 1: the planner runs them as written, one
 * index probe per item, instead of choosing a join that scans the table. The statement is planned
 * on every run (not prepared by name): a named statement keeps a generic plan chosen once, and
 * one chosen while the tables were small seq-scanned all articles for every feed (4 ms per feed at
 * 20k articles, growing with the table); planning again costs ~0.3 ms of the database's time.
 */
export const STORE_LINKED_ITEMS = `
  WITH input AS (
    SELECT * FROM json_to_recordset($2::json)
      AS u(ord int, hash text, url text, nurl text, title text, summary text, author text, lang text, pub timestamptz)),
  fresh AS (
    SELECT * FROM input i
    WHERE ($3::text[] IS NULL OR i.hash = ANY ($3::text[]))
      AND (SELECT 1 FROM feed_items fi WHERE fi.feed_id = $1::int AND fi.guid_hash = i.hash LIMIT 1) IS NULL),
  inserted AS (
    INSERT INTO articles (url, normalized_url, title, summary, author, language, published_at)
    SELECT url, nurl, title, summary, author, lang, pub FROM fresh ORDER BY ord
    ON CONFLICT (normalized_url) DO NOTHING
    RETURNING id, normalized_url),
  inserted_by_url AS MATERIALIZED (
    SELECT jsonb_object_agg(normalized_url, id) FILTER (WHERE normalized_url IS NOT NULL) AS ids FROM inserted),
  matched AS MATERIALIZED (
    -- A story this statement inserted is not visible to its own scan of articles: look in both
    -- (this statement's own rows in one map by URL, a stored story's by one index probe per item).
    -- A map, not a join: the CTEs are estimated at one row, so a join of fresh and inserted was a
    -- nested loop comparing every pair, 250 x 250 URLs per import chunk (most of its time).
    -- MATERIALIZED: inlined, the probes would run twice (filter and select list).
    SELECT f.hash, f.ord, n.new_id, coalesce(n.new_id, (SELECT a.id FROM articles a WHERE a.normalized_url = f.nurl LIMIT 1)) AS article_id
    FROM fresh f, LATERAL (SELECT (m.ids ->> f.nurl)::int AS new_id FROM inserted_by_url m) n),
  linked AS (
    INSERT INTO feed_items (feed_id, guid_hash, article_id, import_id)
    SELECT $1::int, hash, article_id, $4::int FROM matched WHERE article_id IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING guid_hash),
  -- The item each new article was made from: the first of its URL (the insert ran in ord order).
  created AS (
    SELECT DISTINCT ON (new_id) new_id, ord FROM matched WHERE new_id IS NOT NULL ORDER BY new_id, ord)
  SELECT (SELECT count(*) FROM linked)::int AS linked,
         (SELECT coalesce(array_agg(f.hash), '{}') FROM fresh f WHERE f.hash NOT IN (SELECT guid_hash FROM linked)) AS unlinked,
         (SELECT coalesce(array_agg(new_id ORDER BY new_id), '{}') FROM created) AS new_ids,
         (SELECT coalesce(array_agg(ord ORDER BY new_id), '{}') FROM created) AS new_ords`;

export interface StoredLinkedRow {
  linked: number;
  unlinked: string[];
  new_ids: number[];
  /** Per new id, the ord of its item. */
  new_ords: number[];
}

/** The statement and its values in the order the text numbers them (see above). */
export function storeLinkedItemsStatement(
  feedId: number,
  itemsJson: string,
  only: string[] | null,
  importId: number | null,
): QueryConfig {
  return { text: STORE_LINKED_ITEMS, values: [feedId, itemsJson, only, importId] };
}

/**
 * Which of these identity hashes the feed already has: an import asks before it builds and sends
 * the rows of a source it finds mostly stored (a re-import, a resumed chunk), so those rows are
 * neither turned into JSON nor parsed by the database. $1 feed id, $2 the hashes.
 */
const KNOWN_ITEM_HASHES = `
  SELECT coalesce(array_agg(h), '{}') AS known FROM unnest($2::text[]) h
  WHERE EXISTS (SELECT 1 FROM feed_items fi WHERE fi.feed_id = $1::int AND fi.guid_hash = h)`;

export function knownItemHashesStatement(feedId: number, hashes: string[]): QueryConfig {
  return { text: KNOWN_ITEM_HASHES, values: [feedId, hashes] };
}
