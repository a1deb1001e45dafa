import { request } from 'node:http';
import { api, startTestApp, TestApp } from '../support/test-app';
import { sql } from '../support/sql';

/**
 * Public read answers are kept while the data is unchanged (src/read-cache). Every table they are
 * computed from moves the read-model version; within READ_CACHE_LAG_MS a kept answer may still be
 * served after a change, never after it.
 */
describe('read cache of the public API', () => {
  let fresh: TestApp; // READ_CACHE_LAG_MS=0 (the test default): a write shows at once
  let lagging: TestApp; // the same database, a lag of a minute: a kept answer is served
  beforeAll(async () => {
    fresh = await startTestApp();
    lagging = await startTestApp({ READ_CACHE_LAG_MS: '60000' }, { db: fresh.db });
  });
  afterAll(async () => {
    await lagging.close();
    await fresh.close();
  });

  const titleOfFirst = async (t: TestApp) =>
    (await api(t.baseUrl, '/api/trends', { token: null })).body.data[0].titleEn as string;

  it('shows a write at once at lag 0, and serves the kept answer within a lag', async () => {
    const before = await titleOfFirst(fresh);
    expect(await titleOfFirst(lagging)).toBe(before);
    await sql(fresh.db.url, "UPDATE trends SET title_en = 'Renamed for the cache test' WHERE number = 1");
    expect(await titleOfFirst(fresh)).toBe('Renamed for the cache test');
    expect(await titleOfFirst(lagging)).toBe(before);
    await sql(fresh.db.url, 'UPDATE trends SET title_en = $1 WHERE number = 1', [before]);
  });

  it('sends a kept answer as the same JSON, with its ETag, and 304 to a matching If-None-Match', async () => {
    const first = await fetch(`${lagging.baseUrl}/api/scorecard`);
    const kept = await fetch(`${lagging.baseUrl}/api/scorecard`);
    expect(kept.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const [firstBody, keptBody] = [await first.text(), await kept.text()];
    expect(keptBody).toBe(firstBody);
    expect(Array.isArray(JSON.parse(keptBody).data)).toBe(true);
    const etag = kept.headers.get('etag');
    expect(etag).toBe(first.headers.get('etag'));
    // node:http, not fetch: fetch adds Cache-Control: no-cache to a conditional request.
    const status = await new Promise<number>((resolve, reject) =>
      request(`${lagging.baseUrl}/api/scorecard`, { headers: { 'if-none-match': etag! } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
        .on('error', reject)
        .end(),
    );
    expect(status).toBe(304);
  });

  it('moves the read-model version on a write to every table the public answers read', async () => {
    const version = async () =>
      (await sql<{ v: string }>(fresh.db.url, 'SELECT last_value::text AS v FROM read_model_version'))[0]!.v;
    const writes = [
      'UPDATE trends SET title_zh = title_zh WHERE number = 2',
      'UPDATE rule_sets SET version = version WHERE id = (SELECT min(id) FROM rule_sets)',
      "INSERT INTO articles (title, published_at) VALUES ('cache probe', now())",
      "INSERT INTO feed_items (feed_id, guid_hash, article_id) SELECT max(f.id), 'probe', max(a.id) FROM feeds f, articles a",
      "INSERT INTO evidence (article_id, trend_id, stance, score, published_at, updated_at) SELECT max(a.id), min(t.id), 'supports', 1, now(), now() FROM articles a, trends t",
      "UPDATE evidence SET status = 'accepted'",
      "INSERT INTO trend_resolutions (trend_id, outcome, rationale_en, resolved_by) SELECT min(id), 'ambiguous', 'probe', 'test' FROM trends",
      'DELETE FROM trend_daily_rollups WHERE false',
      'DELETE FROM trend_weekly_cells WHERE false',
      'DELETE FROM article_daily_rollups WHERE false',
      // Where a prediction's default momentum window starts (the oldest imported article).
      "INSERT INTO imports (format, location, oldest_published_at) VALUES ('jsonl', '/probe.jsonl', '2024-07-10')",
    ];
    // A feed is not read by the public answers (its items are): set-up only.
    await sql(fresh.db.url, "INSERT INTO feeds (url, updated_at) VALUES ('http://127.0.0.1:9/cache-probe.xml', now())");
    for (const write of writes) {
      const before = await version();
      await sql(fresh.db.url, write);
      expect({ write, moved: (await version()) !== before }).toEqual({ write, moved: true });
    }
  });

  it('keeps no error answer', async () => {
    const bad = await api(fresh.baseUrl, '/api/trends/compute-clusters/momentum?interval=fortnight', { token: null });
    expect(bad.status).toBe(400);
    const again = await api(fresh.baseUrl, '/api/trends/compute-clusters/momentum?interval=fortnight', { token: null });
    expect(again.status).toBe(400);
    const good = await api(fresh.baseUrl, '/api/trends/compute-clusters/momentum?interval=week', { token: null });
    expect(good.status).toBe(200);
  });
});
