import { sql } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * 26 weeks of articles (30 a week); compute-clusters gets a growing share of them as evidence,
 * open-source-models a shrinking one, creative-generation a flat one.
 */
const WEEKS = 26;
const END = new Date('2026-06-01T00:00:00Z'); // a Monday

async function seed(t: TestApp): Promise<void> {
  await sql(
    t.db.url,
    `INSERT INTO articles (url, normalized_url, title, published_at)
     SELECT 'https://n.example/' || g, 'https://n.example/' || g, 'story ' || g,
            $1::timestamptz - ((g / 30) * interval '7 days') - interval '3 days'
     FROM generate_series(0, ${WEEKS * 30 - 1}) g`,
    [END],
  );
  // week index w counts back from END: w = 0 is the latest week.
  const evidence = (slug: string, perWeek: string) =>
    sql(
      t.db.url,
      `INSERT INTO evidence (article_id, trend_id, stance, score, published_at, updated_at)
       SELECT a.id, (SELECT id FROM trends WHERE slug = $1), 'supports', 0.8, a.published_at, now()
       FROM articles a, LATERAL (SELECT (substring(a.url from '[0-9]+$')::int) AS g) x
       WHERE (x.g % 30) < (${perWeek})`,
      [slug],
    );
  await evidence('compute-clusters', `greatest(1, ${WEEKS} - x.g / 30) / 2`);
  await evidence('open-source-models', `1 + (x.g / 30) / 2`);
  await evidence('creative-generation', `4`);
}

describe('momentum and scorecard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seed(t);
  });
  afterAll(() => t.close());

  const momentum = (slug: string, query = '') =>
    api(t.baseUrl, `/api/trends/${slug}/momentum?interval=week&asOf=${END.toISOString()}${query}`, { token: null });

  it('reports a growing share as rising, a shrinking one as falling, a flat one as steady', async () => {
    expect((await momentum('compute-clusters')).body.momentum.direction).toBe('rising');
    expect((await momentum('open-source-models')).body.momentum.direction).toBe('falling');
    expect((await momentum('creative-generation')).body.momentum.direction).toBe('steady');
  });

  it('says what a call rests on: the slope at 99%, the level test and the ramp test that may confirm it', async () => {
    const test = (await momentum('compute-clusters')).body.momentum.test;
    expect(test).toMatchObject({ confidence: 0.99, window: { periods: 12 } });
    expect([0.975, 0.95]).toContain(test.level.confidence);
    expect(test.level.confirmedBy === null || test.level.confirmedBy === 'ramp').toBe(true);
    // A call at 95% stands only with the ramp test calling the same way.
    if (test.level.confirmedBy === 'ramp') expect(test.ramp.direction).toBe(test.level.direction);
    expect(test.ramp).toMatchObject({ confidence: 0.95, window: { periods: 12 } });
    expect(['rising', 'steady', 'falling']).toContain(test.ramp.direction);
    expect(typeof test.ramp.pValue).toBe('number');
  });

  it('answers one zero-filled point per week with counts and share', async () => {
    const res = await momentum('creative-generation');
    expect(res.status).toBe(200);
    expect(res.body.series).toHaveLength(26);
    const last = res.body.series[res.body.series.length - 1];
    expect(last).toMatchObject({ articles: 30, evidence: 4, supporting: 4, contradicting: 0, pending: 4 });
    expect(last.share).toBeCloseTo((4 * 0.8 * 0.5) / 30, 5);
  });

  it('travels in time: asOf ignores evidence published later', async () => {
    const early = await api(
      t.baseUrl,
      '/api/trends/compute-clusters/momentum?interval=week&asOf=2026-01-05T00:00:00Z',
      { token: null },
    );
    const lastPoint = early.body.series[early.body.series.length - 1];
    expect(new Date(lastPoint.periodStart).getTime()).toBeLessThan(new Date('2026-01-05T00:00:00Z').getTime() + 1);
    const total = early.body.series.reduce((n: number, p: { evidence: number }) => n + p.evidence, 0);
    const later = (await momentum('compute-clusters')).body.series.reduce(
      (n: number, p: { evidence: number }) => n + p.evidence,
      0,
    );
    expect(total).toBeLessThan(later);
  });

  it('reflects a review decision at once', async () => {
    const before = (await momentum('creative-generation')).body.series.at(-1);
    const [row] = await sql(
      t.db.url,
      "SELECT e.id FROM evidence e JOIN trends t ON t.id = e.trend_id WHERE t.slug = 'creative-generation' ORDER BY e.published_at DESC LIMIT 1",
    );
    const review = await api(t.baseUrl, `/api/admin/evidence/${row.id}/review`, {
      method: 'POST',
      body: { decision: 'reject' },
    });
    expect(review.status).toBe(200);
    const after = (await momentum('creative-generation')).body.series.at(-1);
    expect(after.rejected).toBe(before.rejected + 1);
    expect(after.share).toBeLessThan(before.share);
  });

  it('lists all ten predictions in the scorecard with direction and strongest accepted evidence', async () => {
    await sql(
      t.db.url,
      "UPDATE evidence SET status = 'accepted' WHERE trend_id = (SELECT id FROM trends WHERE slug = 'compute-clusters')",
    );
    const res = await api(t.baseUrl, `/api/scorecard?asOf=${END.toISOString()}`, { token: null });
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { number: number }) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const clusters = res.body.data[0];
    expect(clusters.momentum.direction).toBe('rising');
    expect(clusters.strongestEvidence).toHaveLength(3);
    expect(clusters.lastEvidenceAt).not.toBeNull();
    expect(res.body.data[9].momentum).toMatchObject({ direction: 'steady', score: 0 });
  });

  it('rebuilds the rollups from scratch to the same answer', async () => {
    const before = (await momentum('open-source-models')).body;
    const run = await api(t.baseUrl, '/api/admin/jobs/rebuild-rollups/run', { method: 'POST' });
    expect(run.body.status).toBe('succeeded');
    expect((await momentum('open-source-models')).body).toEqual(before);
  });

  it.each(['week', 'day', 'month'])('counts every piece of evidence up to a mid-week asOf by %s', async (interval) => {
    const asOf = '2026-05-29T12:00:00.000Z'; // a Friday: the last week is cut short
    const res = await api(t.baseUrl, `/api/trends/creative-generation/momentum?interval=${interval}&asOf=${asOf}`, {
      token: null,
    });
    expect(res.status).toBe(200);
    const series: { periodStart: string; evidence: number }[] = res.body.series;
    const count = async (from: string) =>
      (
        await sql(
          t.db.url,
          `SELECT count(*)::int AS n FROM evidence e JOIN trends t ON t.id = e.trend_id
           WHERE t.slug = 'creative-generation' AND e.published_at >= $1 AND e.published_at <= $2`,
          [from, asOf],
        )
      )[0].n;
    expect(series.reduce((n, p) => n + p.evidence, 0)).toBe(await count(res.body.from));
    expect(series.at(-1)!.evidence).toBe(await count(series.at(-1)!.periodStart));
  });

  it('addresses a prediction by its number as well as by its slug', async () => {
    const [row] = await sql(t.db.url, "SELECT number FROM trends WHERE slug = 'creative-generation'");
    const byNumber = await api(
      t.baseUrl,
      `/api/trends/${row.number}/momentum?interval=week&asOf=${END.toISOString()}`,
      { token: null },
    );
    expect(byNumber.status).toBe(200);
    expect(byNumber.body).toEqual((await momentum('creative-generation')).body);
  });

  it('shows a change to a prediction at once: the trend is read with its rollups, not cached', async () => {
    const [before] = await sql(t.db.url, "SELECT title_en FROM trends WHERE slug = 'creative-generation'");
    await sql(t.db.url, "UPDATE trends SET title_en = 'Renamed for the test' WHERE slug = 'creative-generation'");
    try {
      expect((await momentum('creative-generation')).body.trend.titleEn).toBe('Renamed for the test');
      const card = await api(t.baseUrl, `/api/scorecard?asOf=${END.toISOString()}`, { token: null });
      expect(card.body.data.find((e: { slug: string }) => e.slug === 'creative-generation').titleEn).toBe(
        'Renamed for the test',
      );
    } finally {
      await sql(t.db.url, 'UPDATE trends SET title_en = $1 WHERE slug = $2', [before.title_en, 'creative-generation']);
    }
  });

  it.each([
    ['?interval=year', 'interval'],
    ['?asOf=yesterday', 'asOf'],
    ['?from=2026-05-01&to=2026-04-01', 'from'],
  ])('answers 400 for %s naming %s', async (query, field) => {
    const res = await api(t.baseUrl, `/api/trends/compute-clusters/momentum${query}`, { token: null });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
  });

  it('answers 404 for an unknown prediction', async () => {
    expect((await api(t.baseUrl, '/api/trends/nope/momentum', { token: null })).status).toBe(404);
  });
});
