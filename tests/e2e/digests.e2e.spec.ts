import { parseAtomFeed } from 'feedsmith';
import { DigestBuildService } from '../../src/digests/digest-build.service';

import { at, plusDays, seedBackgroundArticles, seedEvidence } from '../integration/digests/digest-test-support';
import { sql } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';
import { Clock } from '../../src/common/clock';

/**
 * Digests over weekly periods. The digest clock is set per step (the only stand-in in these
 * tests); evidence carries explicit created_at/published_at, so each period's figures are known.
 */
const BASE = 'https://scorecard.example';
const W1 = at('2026-03-02T00:00:00Z'); // a Monday
const W2 = plusDays(W1, 7);
const W3 = plusDays(W1, 14);
const W4 = plusDays(W1, 21);
const runAt = (monday: Date) => new Date(monday.getTime() + 7 * 3600_000); // the default cron: Monday 07:00 UTC

async function seed(t: TestApp): Promise<void> {
  await seedBackgroundArticles(t.db.url, plusDays(W1, -28), 42, 20);
  const inA = (day: number) => plusDays(W1, day);
  await seedEvidence(t.db.url, [
    ...[0.9, 0.8, 0.7, 0.6, 0.5].map((score, i) => ({
      slug: 'compute-clusters',
      stance: 'supports' as const,
      status: 'accepted' as const,
      score,
      at: inA(i + 1),
      title: `Cluster story ${score}`,
    })),
    {
      slug: 'compute-clusters',
      stance: 'contradicts',
      status: 'pending',
      score: 0.4,
      at: inA(2),
      title: 'Cluster doubts',
    },
    {
      slug: 'compute-clusters',
      stance: 'supports',
      status: 'rejected',
      score: 0.95,
      at: inA(3),
      title: 'Rejected cluster story',
    },
    {
      slug: 'open-source-models',
      stance: 'contradicts',
      status: 'accepted',
      score: 0.7,
      at: inA(4),
      title: 'Open models stall',
    },
    {
      slug: 'open-source-models',
      stance: 'contradicts',
      status: 'accepted',
      score: 0.6,
      at: inA(5),
      title: 'Open models stall again',
    },
    {
      slug: 'human-ai-alignment',
      stance: 'supports',
      status: 'accepted',
      score: 0.8,
      at: plusDays(W2, 2),
      title: 'Alignment wins deals',
    },
  ]);
  const [feed] = await sql(
    t.db.url,
    "INSERT INTO feeds (url, title, updated_at) VALUES ('https://broken.example/rss', 'Broken feed', now()) RETURNING id",
  );
  await sql(
    t.db.url,
    "INSERT INTO feed_fetch_log (feed_id, at, code, message, status) VALUES ($1, $2, 'http-error', 'HTTP 503', 503)",
    [feed.id, plusDays(W1, 2)],
  );
}

describe('digests: building, formats and the Atom feed', () => {
  let t: TestApp;
  let now = runAt(W1);
  const run = () => api(t.baseUrl, '/api/admin/jobs/build-digest/run', { method: 'POST' });
  const get = (path: string) => api(t.baseUrl, path, { token: null });
  const digestCount = async () => (await sql(t.db.url, 'SELECT count(*)::int AS n FROM digests'))[0].n;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_BASE_URL: BASE });
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => now);
    await seed(t);
  });
  afterAll(() => t.close());

  it('answers 404 in the common error shape, an empty list and an empty feed before the first digest', async () => {
    const latest = await get('/api/digests/latest');
    expect(latest.status).toBe(404);
    expect(latest.body).toEqual({
      error: { code: 'digest_not_found', message: expect.any(String), requestId: expect.any(String) },
    });
    expect((await get('/api/digests')).body).toEqual({ data: [], nextCursor: null });
    const atom = await get('/digests.atom');
    expect(atom.status).toBe(200);
    expect(parseAtomFeed(atom.body).entries ?? []).toHaveLength(0);
  });

  it('builds the first digest over the seven days before the run, saying nothing moved', async () => {
    const res = await run();
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({
      outcome: 'built',
      periodStart: plusDays(W1, -7).toISOString(),
      periodEnd: W1.toISOString(),
      nothingMoved: true,
    });
    const latest = await get('/api/digests/latest');
    expect(latest.body).toMatchObject({ id: res.body.summary.digestId, nothingMoved: true, movers: [] });
    expect(latest.body.trends).toHaveLength(10);
    expect((await get('/api/digests/latest?format=md')).body).toContain('Nothing moved this period');
  });

  it('reports "already built" when run again for the same period, keeping one digest', async () => {
    const first = (await get('/api/digests/latest')).body.id;
    const again = await run();
    expect(again.body.summary).toMatchObject({ outcome: 'already built', digestId: first });
    expect(await digestCount()).toBe(1);
  });

  it('covers the period since the previous digest with new evidence, pending counts, top evidence and failed feeds', async () => {
    now = runAt(W2);
    const res = await run();
    expect(res.body.summary).toMatchObject({
      outcome: 'built',
      periodStart: W1.toISOString(),
      periodEnd: W2.toISOString(),
      nothingMoved: false,
    });
    const digest = (await get(`/api/digests/${res.body.summary.digestId}`)).body;
    const clusters = digest.trends.find((x: { slug: string }) => x.slug === 'compute-clusters');
    expect(clusters).toMatchObject({ newSupporting: 5, newContradicting: 1, pendingReview: 1 });
    expect(clusters.verdict).toMatch(/5 new supporting, 1 contradicting$/);
    expect(clusters.topEvidence.map((e: { title: string }) => e.title)).toEqual([
      'Cluster story 0.9',
      'Cluster story 0.8',
      'Cluster story 0.7',
    ]);
    expect(clusters.topEvidence[0].url).toMatch(/^https:\/\/news\.example\//);
    expect(digest.trends.find((x: { slug: string }) => x.slug === 'open-source-models')).toMatchObject({
      newSupporting: 0,
      newContradicting: 2,
    });
    expect(digest.trends.find((x: { slug: string }) => x.slug === 'human-ai-alignment')).toMatchObject({
      newSupporting: 0,
      newContradicting: 0,
    });
    expect(digest.failedFeeds).toEqual([
      expect.objectContaining({ url: 'https://broken.example/rss', errors: 1, lastError: 'HTTP 503' }),
    ]);
    expect(digest.links).toEqual({
      html: `${BASE}/api/digests/${digest.id}?format=html`,
      md: `${BASE}/api/digests/${digest.id}?format=md`,
      json: `${BASE}/api/digests/${digest.id}`,
    });
  });

  it('builds one digest when two runs are requested at once through the API', async () => {
    now = runAt(W3);
    const answers = await Promise.all([run(), run()]);
    // The job lease answers 409 job_busy to a run that overlaps another; a run that starts after
    // the first one finished finds the period built.
    for (const a of answers) expect([200, 409]).toContain(a.status);
    const outcomes = answers.filter((a) => a.status === 200).map((a) => a.body.summary.outcome);
    expect(outcomes.filter((o) => o === 'built')).toHaveLength(1);
    expect((await sql(t.db.url, 'SELECT count(*)::int AS n FROM digests WHERE period_start = $1', [W2]))[0].n).toBe(1);
  });

  it('stores one digest when two builders race past the job lease (as two instances could)', async () => {
    now = runAt(W4);
    const builder = t.app.get(DigestBuildService);
    const results = await Promise.all([builder.buildDue(), builder.buildDue(), builder.buildDue()]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['already built', 'already built', 'built']);
    expect(new Set(results.map((r) => r.digest?.id)).size).toBe(1);
    expect((await sql(t.db.url, 'SELECT count(*)::int AS n FROM digests WHERE period_start = $1', [W3]))[0].n).toBe(1);
    expect(await digestCount()).toBe(4);
  });

  it('serves Markdown and a self-contained HTML page with a momentum chart', async () => {
    const id = (await sql(t.db.url, 'SELECT id FROM digests WHERE period_start = $1', [W1]))[0].id;
    const md = await get(`/api/digests/${id}?format=md`);
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(md.body).toContain('Trend digest 2026-03-02 – 2026-03-08');
    expect(md.body).toContain('Cluster story 0.9');
    const html = await get(`/api/digests/${id}?format=html`);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html.body).toMatch(/^<!DOCTYPE html>/);
    expect(html.body).toContain('<svg');
    expect(html.body).not.toMatch(/<(script|link)\b/i);
  });

  it.each([
    ['/api/digests/latest?format=pdf', 400],
    ['/api/digests/abc', 400],
    ['/api/digests/999999', 404],
    ['/api/digests?cursor=nonsense', 400],
  ])('answers %s with %d in the common error shape', async (path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
  });

  it('lists digests newest first in cursor pages', async () => {
    const first = await get('/api/digests?limit=3');
    expect(first.body.data).toHaveLength(3);
    expect(first.body.data[0]).toEqual({
      id: expect.any(Number),
      periodStart: W3.toISOString(),
      periodEnd: W4.toISOString(),
      createdAt: expect.any(String),
      requested: false,
      nothingMoved: expect.any(Boolean),
      movers: expect.any(Array),
    });
    const second = await get(`/api/digests?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ nextCursor: null });
    const starts = [...first.body.data, ...second.body.data].map((d: { periodStart: string }) => d.periodStart);
    expect(starts).toEqual([W3, W2, W1, plusDays(W1, -7)].map((d) => d.toISOString()));
  });

  it('publishes a valid Atom feed whose entries link to each digest page', async () => {
    const res = await get('/digests.atom');
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = parseAtomFeed(res.body);
    const ids = (await sql(t.db.url, 'SELECT id FROM digests ORDER BY period_start DESC')).map((r) => r.id);
    expect(feed.links).toContainEqual(expect.objectContaining({ rel: 'self', href: `${BASE}/digests.atom` }));
    expect(feed.entries?.map((e) => e.links?.find((l) => l.rel === 'alternate')?.href)).toEqual(
      ids.map((id) => `${BASE}/api/digests/${id}?format=html`),
    );
    expect(feed.entries?.[3]?.title).toEqual(
      expect.objectContaining({ value: expect.stringContaining('nothing moved') }),
    );
  });
});
