import { FeedServer, respondWith, startFeedServer } from '../support/feed-server';
import { conditionalHandler, makeItems, rssDocument } from '../support/generated-feeds';
import { api, startTestApp, TestApp } from '../support/test-app';
import { sql as sqlOn } from '../support/sql';

const sql = <T = any>(t: TestApp, text: string, params: unknown[] = []) => sqlOn<T>(t.db.url, text, params);

describe('ingest-feeds job', () => {
  let t: TestApp;
  let server: FeedServer;
  const shared = makeItems(99, 1)[0]!;
  beforeAll(async () => {
    server = await startFeedServer({
      '/a.xml': conditionalHandler(() => rssDocument('Feed A', [...makeItems(1, 5), shared])),
      '/b.xml': conditionalHandler(() =>
        rssDocument('Feed B', [...makeItems(2, 3), { ...shared, guid: 'other-guid' }]),
      ),
      '/broken.xml': respondWith('<rss><channel><item><title>unterminated'),
      '/page.html': respondWith('<!doctype html><html><body>not a feed</body></html>', { 'content-type': 'text/html' }),
    });
    t = await startTestApp();
    for (const path of ['/a.xml', '/b.xml', '/broken.xml', '/page.html']) {
      const res = await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url: server.url(path) } });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  const feedByPath = async (path: string) =>
    (await api(t.baseUrl, '/api/admin/feeds')).body.data.find((f: { url: string }) => f.url.endsWith(path));

  it('stores articles, records bad feeds on themselves, and finishes the run', async () => {
    const run = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
    expect(run.status).toBe(200);
    expect(run.body.status).toBe('succeeded');
    expect(run.body.summary).toMatchObject({
      feedsTried: 4,
      feedsStored: 2,
      feedsFailed: 2,
      itemsNew: 10,
      articlesNew: 9,
    });

    const a = await feedByPath('/a.xml');
    expect(a).toMatchObject({ title: 'Feed A', articleCount: 6, itemsSeen: 6, errorCount: 0, lastError: null });
    const broken = await feedByPath('/broken.xml');
    expect(broken.errorCount).toBe(1);
    expect(broken.lastError).toEqual(expect.any(String));
    expect(new Date(broken.nextCheckAt).getTime()).toBeGreaterThan(Date.now());
    expect((await feedByPath('/page.html')).lastErrorCode).toBe('not-a-feed');
  });

  it('keeps one article for a story syndicated in two feeds, seen in both', async () => {
    const res = await api(t.baseUrl, `/api/admin/articles?q=${encodeURIComponent('Feed 99 story 0')}`);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0].feeds.map((f: { title: string }) => f.title).sort()).toEqual(['Feed A', 'Feed B']);
    expect(res.body.data[0].url).toBe('https://news.example/99/0?utm_source=rss');
  });

  it('stores the summary as text, never the feed HTML', async () => {
    const [row] = await sql(t, "SELECT summary FROM articles WHERE title LIKE 'Feed 1 story 0%'");
    expect(row.summary).toBe('Story 0 of feed 1 about large models.');
  });

  it('gets 304s on the next run against unchanged feeds and stores nothing new', async () => {
    await sql(t, 'UPDATE feeds SET next_check_at = now()');
    const before = server.requests.length;
    const run = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
    expect(run.body.summary).toMatchObject({ feedsNotModified: 2, itemsNew: 0, articlesNew: 0 });
    const conditional = server.requests.slice(before).filter((r) => r.path === '/a.xml');
    expect(conditional[0]!.headers['if-none-match']).toMatch(/^"/);
  });

  it('leaves no duplicates when a run is repeated after a crash before the feed was updated', async () => {
    // As if the process died after storing items but before recording the fetch: validators lost.
    await sql(t, 'UPDATE feeds SET next_check_at = now(), etag = NULL, last_modified = NULL, lease_until = NULL');
    const run = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
    expect(run.body.summary).toMatchObject({ feedsStored: 2, itemsNew: 0, articlesNew: 0 });
    const [{ count }] = await sql(t, 'SELECT count(*)::int AS count FROM articles');
    expect(count).toBe(9);
  });

  it('lists runs with their summaries', async () => {
    const runs = await api(t.baseUrl, '/api/admin/jobs/runs?job=ingest-feeds');
    expect(runs.body.data.length).toBe(3);
    expect(runs.body.data[0].summary.feedsTried).toBe(4);
  });
});

describe('feed administration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ FEED_ALLOW_PRIVATE_NETWORKS: 'false' });
  });
  afterAll(() => t.close());

  it.each([
    'http://127.0.0.1/feed',
    'http://10.0.0.1/rss',
    'http://169.254.169.254/latest',
    'http://[::1]/x',
    'http://localhost:9/x',
  ])('refuses %s when private networks are off', async (url) => {
    const res = await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('feed_url_blocked');
  });

  it.each(['ftp://example.com/feed', 'not a url', 'file:///etc/passwd'])(
    'refuses %s as an invalid feed URL',
    async (url) => {
      const res = await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_feed_url');
    },
  );

  it('imports nested OPML, skips duplicates, reports refusals, and exports what it has', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="AI"><outline text="One" xmlUrl="https://one.feeds.example.com/one.xml"/>
        <outline text="Deeper"><outline text="Two" xmlUrl="https://two.feeds.example.com/two.xml" language="zh"/></outline></outline>
      <outline text="One again" xmlUrl="https://one.feeds.example.com/one.xml"/>
      <outline text="Internal" xmlUrl="http://192.168.1.5/feed"/></body></opml>`;
    const res = await api(t.baseUrl, '/api/admin/feeds/opml', {
      method: 'POST',
      body: opml,
      headers: { 'content-type': 'text/xml' },
    });
    expect(res.status).toBe(200);
    expect(res.body.added.map((f: { title: string }) => f.title)).toEqual(['One', 'Two']);
    expect(res.body.skipped).toEqual([{ url: 'https://one.feeds.example.com/one.xml', reason: 'already present' }]);
    expect(res.body.refused).toEqual([
      { url: 'http://192.168.1.5/feed', reason: expect.stringMatching(/192\.168\.1\.5/) },
    ]);

    const exported = await api(t.baseUrl, '/api/admin/feeds/opml');
    expect(exported.headers.get('content-type')).toMatch(/opml/);
    expect(exported.body).toContain('xmlUrl="https://two.feeds.example.com/two.xml"');
  });

  it('answers 400 for a body that is not OPML', async () => {
    const res = await api(t.baseUrl, '/api/admin/feeds/opml', {
      method: 'POST',
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_opml');
  });

  it('pauses, resumes, renames and deletes a feed; 409 on a duplicate; 404 on unknown', async () => {
    const created = await api(t.baseUrl, '/api/admin/feeds', {
      method: 'POST',
      body: { url: 'https://x.feeds.example.com/x.xml' },
    });
    const id = created.body.id;
    expect(
      (await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url: 'https://x.feeds.example.com/x.xml' } }))
        .status,
    ).toBe(409);
    expect((await api(t.baseUrl, `/api/admin/feeds/${id}/pause`, { method: 'POST' })).body.paused).toBe(true);
    expect((await api(t.baseUrl, `/api/admin/feeds/${id}/resume`, { method: 'POST' })).body.paused).toBe(false);
    expect(
      (await api(t.baseUrl, `/api/admin/feeds/${id}`, { method: 'PATCH', body: { title: 'Renamed' } })).body.title,
    ).toBe('Renamed');
    expect((await api(t.baseUrl, `/api/admin/feeds/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api(t.baseUrl, `/api/admin/feeds/${id}`)).status).toBe(404);
  });
});
