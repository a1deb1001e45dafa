import { sql } from '../../support/sql';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/**
 * The rollup tables must always equal a recount of evidence and articles, whatever statement
 * changed them: multi-row inserts, updates that move rows between keys, updates that touch no
 * counted column, deletes, and cascades from article deletes.
 */
describe('rollup triggers', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const q = (text: string, params: unknown[] = []) => sql(db.url, text, params);

  async function mismatches(): Promise<number> {
    const [row] = await q(`
      WITH daily AS (
        SELECT trend_id, (published_at AT TIME ZONE 'UTC')::date AS day, status, stance, count(*)::int AS n, sum(score) AS s
        FROM evidence GROUP BY 1, 2, 3, 4),
      weekly AS (
        SELECT trend_id, date_trunc('week', day::timestamp)::date AS week, status, stance, sum(n)::int AS n, sum(s) AS s
        FROM daily GROUP BY 1, 2, 3, 4),
      articles_daily AS (
        SELECT (published_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n FROM articles GROUP BY 1)
      SELECT
        (SELECT count(*) FROM daily d FULL JOIN (SELECT * FROM trend_daily_rollups WHERE count <> 0) r
           USING (trend_id, day, status, stance)
         WHERE d.n IS DISTINCT FROM r.count OR abs(coalesce(d.s, 0) - coalesce(r.score_sum, 0)) > 1e-9)
      + (SELECT count(*) FROM weekly w FULL JOIN (
           SELECT trend_id, week, cell.status, cell.stance, cell.n AS count, cell.s AS score_sum
           FROM trend_weekly_cells, LATERAL (VALUES
             ('accepted', 'supports', accepted_supports_count, accepted_supports_score),
             ('accepted', 'contradicts', accepted_contradicts_count, accepted_contradicts_score),
             ('pending', 'supports', pending_supports_count, pending_supports_score),
             ('pending', 'contradicts', pending_contradicts_count, pending_contradicts_score),
             ('rejected', 'supports', rejected_supports_count, rejected_supports_score),
             ('rejected', 'contradicts', rejected_contradicts_count, rejected_contradicts_score)
           ) AS cell(status, stance, n, s) WHERE cell.n <> 0) r
           USING (trend_id, week, status, stance)
         WHERE w.n IS DISTINCT FROM r.count OR abs(coalesce(w.s, 0) - coalesce(r.score_sum, 0)) > 1e-9)
      + (SELECT count(*) FROM articles_daily a FULL JOIN (SELECT * FROM article_daily_rollups WHERE count <> 0) r
           USING (day) WHERE a.n IS DISTINCT FROM r.count) AS bad`);
    return Number(row.bad);
  }

  it('keeps every rollup equal to a recount through inserts, updates and deletes', async () => {
    await q(`INSERT INTO articles (url, normalized_url, title, published_at)
             SELECT 'u' || g, 'u' || g, 't' || g, timestamptz '2026-03-01T23:30:00Z' + g * interval '7 hours'
             FROM generate_series(1, 300) g`);
    await q(`INSERT INTO evidence (article_id, trend_id, stance, score, status, published_at, updated_at)
             SELECT a.id, 1 + a.id % 3, CASE WHEN a.id % 4 = 0 THEN 'contradicts' ELSE 'supports' END,
                    (a.id % 10) / 10.0, 'pending', a.published_at, now()
             FROM articles a`);
    expect(await mismatches()).toBe(0);

    await q("UPDATE evidence SET status = 'accepted' WHERE id % 3 = 0");
    await q("UPDATE evidence SET stance = 'contradicts', score = score + 0.05 WHERE id % 5 = 0");
    await q("UPDATE evidence SET review_note = 'no counted column changes', updated_at = now()");
    await q("UPDATE evidence SET published_at = published_at + interval '3 days' WHERE id % 7 = 0");
    await q("UPDATE articles SET published_at = published_at - interval '1 day' WHERE id % 11 = 0");
    expect(await mismatches()).toBe(0);

    await q('DELETE FROM evidence WHERE id % 13 = 0');
    await q('DELETE FROM articles WHERE id % 17 = 0'); // cascades to their evidence
    expect(await mismatches()).toBe(0);
  });

  it('would notice a rollup that drifted', async () => {
    await q(
      'UPDATE trend_weekly_cells SET pending_supports_count = pending_supports_count + 1 WHERE ctid = (SELECT ctid FROM trend_weekly_cells WHERE pending_supports_count > 0 LIMIT 1)',
    );
    expect(await mismatches()).toBe(1);
  });
});
