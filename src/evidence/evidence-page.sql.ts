import { createHash } from 'node:crypto';
import type { QueryConfig } from 'pg';
import { Prisma } from '../generated/prisma/client';
import type { EvidenceRow, OtherTag, QueueFilter, QueuePosition } from './evidence.repository';

/**
 * A page of evidence (the review queue, a prediction's public evidence, one item) as ONE statement:
 * the rows with their article, its feeds, the prediction and, for reviewers, how the article was
 * tagged for the other predictions. Through Prisma's `include` this was seven queries per request,
 * one after another on a pool connection; under 50 concurrent clients the queue route held
 * connections long enough that every other route waited for one (bench/load.bench.ts: pool waiters
 * mean 55 on 10 connections, queue p99 981 ms).
 *
 * Filters are fixed fragments joined by Prisma.sql; every value is bound, nothing is concatenated.
 * The keyset condition is a row comparison, so the (status, score DESC, id DESC) and
 * (status, published_at DESC, id DESC) indexes serve it.
 *
 * It runs on the pool as a named statement (`namedStatement`), one name per shape of filter (a
 * few dozen at most), prepared once per connection: through Prisma's `$queryRaw` the driver and
 * engine cost ~0.8 of the queue's 5.5 ms of CPU per request, and PostgreSQL parsed and planned the
 * 2 KB text on every request (profile under bench/load.bench.ts's clients, 2026-12-03).
 */
export interface EvidencePageQuery {
  filter: QueueFilter | { id: number };
  after: QueuePosition | null;
  take: number;
  withOtherTags: boolean;
}

/** A row of the statement: the evidence columns, then JSON for the article's feeds and the other tags. */
export interface EvidencePageRow {
  id: number;
  article_id: number;
  trend_id: number;
  stance: string;
  score: number;
  matched: Prisma.JsonValue;
  rule_version: number | null;
  origin: string;
  model_version: number | null;
  probability: number | null;
  status: string;
  published_at: Date;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  article_title: string;
  article_url: string | null;
  article_published_at: Date;
  article_language: string | null;
  /** [feed id, feed title] per feed item of the article, by feed id. */
  feeds: [number, string | null][];
  trend_number: number;
  trend_slug: string;
  trend_title_en: string;
  /** [evidence id, trend slug, stance, status, score] of the article's other evidence, by trend number. */
  other_tags: [number, string, string, string, number][] | null;
}

export function evidencePageStatement(q: EvidencePageQuery): Prisma.Sql {
  const sortByScore = !('id' in q.filter) && q.filter.sort === 'date' ? false : true;
  const sortColumn = sortByScore ? Prisma.sql`e.score` : Prisma.sql`e.published_at`;
  const conditions = 'id' in q.filter ? [Prisma.sql`e.id = ${q.filter.id}::int`] : filterConditions(q.filter);
  // The article is joined before the limit only when a filter needs it: without it the page is a
  // plain index range of evidence, whatever the planner's statistics say of a growing table.
  const joinArticle = !('id' in q.filter) && filtersOnArticle(q.filter);
  if (q.after) {
    const value = sortByScore
      ? Prisma.sql`${Number(q.after.value)}::float8`
      : Prisma.sql`${new Date(q.after.value)}::timestamptz`;
    conditions.push(Prisma.sql`(${sortColumn}, e.id) < (${value}, ${q.after.id}::int)`);
  }
  const otherTags = q.withOtherTags
    ? Prisma.sql`(SELECT json_agg(json_build_array(o.id, ot.slug, o.stance, o.status, o.score) ORDER BY ot.number, o.id)
         FROM evidence o JOIN trends ot ON ot.id = o.trend_id
         WHERE o.article_id = p.article_id AND o.id <> p.id)`
    : Prisma.sql`NULL::json`;
  return Prisma.sql`
    WITH p AS (
      SELECT e.* FROM evidence e ${joinArticle ? Prisma.sql`JOIN articles a ON a.id = e.article_id` : Prisma.empty}
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY ${sortColumn} DESC, e.id DESC
      LIMIT ${q.take})
    SELECT p.id, p.article_id, p.trend_id, p.stance, p.score, p.matched, p.rule_version, p.origin,
      p.model_version, p.probability, p.status, p.published_at, p.review_note, p.reviewed_by,
      p.reviewed_at, p.created_at, p.updated_at,
      a.title AS article_title, a.url AS article_url, a.published_at AS article_published_at,
      a.language AS article_language,
      COALESCE((SELECT json_agg(json_build_array(f.id, f.title) ORDER BY i.feed_id)
         FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE i.article_id = p.article_id), '[]'::json) AS feeds,
      t.number AS trend_number, t.slug AS trend_slug, t.title_en AS trend_title_en,
      ${otherTags} AS other_tags
    FROM p JOIN articles a ON a.id = p.article_id JOIN trends t ON t.id = p.trend_id
    ORDER BY ${sortByScore ? Prisma.sql`p.score` : Prisma.sql`p.published_at`} DESC, p.id DESC`;
}

function filtersOnArticle(f: QueueFilter): boolean {
  return f.language !== undefined || f.from !== undefined || f.to !== undefined || Boolean(f.q);
}

function filterConditions(f: QueueFilter): Prisma.Sql[] {
  const c = [Prisma.sql`e.status = ${f.status}`];
  if (f.trendId !== undefined) c.push(Prisma.sql`e.trend_id = ${f.trendId}::int`);
  if (f.stance !== undefined) c.push(Prisma.sql`e.stance = ${f.stance}`);
  if (f.origin !== undefined) c.push(Prisma.sql`e.origin = ${f.origin}`);
  if (f.minScore !== undefined) c.push(Prisma.sql`e.score >= ${f.minScore}::float8`);
  if (f.language !== undefined) c.push(Prisma.sql`lower(a.language) = lower(${f.language})`);
  if (f.from) c.push(Prisma.sql`a.published_at >= ${f.from}`);
  if (f.to) c.push(Prisma.sql`a.published_at < ${f.to}`);
  if (f.feedId !== undefined)
    c.push(
      Prisma.sql`EXISTS (SELECT 1 FROM feed_items s WHERE s.article_id = e.article_id AND s.feed_id = ${f.feedId}::int)`,
    );
  if (f.q) {
    // ILIKE's escape character is the backslash: % and _ in the reader's text match themselves.
    const pattern = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    c.push(Prisma.sql`(a.title ILIKE ${pattern} OR a.summary ILIKE ${pattern})`);
  }
  return c;
}

export function decodeEvidencePageRow(r: EvidencePageRow): { row: EvidenceRow; otherTags: OtherTag[] } {
  const row: EvidenceRow = {
    id: r.id,
    articleId: r.article_id,
    trendId: r.trend_id,
    stance: r.stance,
    score: r.score,
    matched: r.matched ?? {},
    ruleVersion: r.rule_version,
    origin: r.origin,
    modelVersion: r.model_version,
    probability: r.probability,
    status: r.status,
    publishedAt: r.published_at,
    reviewNote: r.review_note,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    article: {
      id: r.article_id,
      title: r.article_title,
      url: r.article_url,
      publishedAt: r.article_published_at,
      language: r.article_language,
      sources: r.feeds.map(([id, title]) => ({ feed: { id, title } })),
    },
    trend: { number: r.trend_number, slug: r.trend_slug, titleEn: r.trend_title_en },
  };
  const otherTags = (r.other_tags ?? []).map(([evidenceId, trend, stance, status, score]) => ({
    evidenceId,
    articleId: r.article_id,
    trend,
    stance,
    status,
    score,
  }));
  return { row, otherTags };
}

/** A Prisma.sql statement as a named pg query: the name is the text's hash, so one shape keeps one name. */
export function namedStatement(statement: Prisma.Sql): QueryConfig {
  const text = statement.text;
  const name = `evidence-page-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  return { name, text, values: statement.values };
}
