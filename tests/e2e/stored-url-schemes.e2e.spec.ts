import { FeedServer, respondWith, startFeedServer } from '../support/feed-server';
import { api, startTestApp, TestApp } from '../support/test-app';

const rss = (siteLink: string, itemLink: string) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hostile links</title><link>${siteLink}</link>
<item><title>GPU cluster news</title><link>${itemLink}</link><guid>g-${itemLink}</guid>
<pubDate>Mon, 02 Dec 2024 08:00:00 GMT</pubDate></item></channel></rss>`;

describe('only http(s) URLs are stored, whatever a feed or a client sends', () => {
  let t: TestApp;
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer({
      '/js.xml': respondWith(rss('javascript:alert(document.cookie)', 'javascript:alert(1)'), {
        'content-type': 'application/rss+xml',
      }),
      '/data.xml': respondWith(rss('data:text/html,&lt;script&gt;x&lt;/script&gt;', 'https://news.example/ok'), {
        'content-type': 'application/rss+xml',
      }),
      '/good.xml': respondWith(rss('/home', 'https://news.example/good'), { 'content-type': 'application/rss+xml' }),
    });
    t = await startTestApp();
    for (const path of ['/js.xml', '/data.xml', '/good.xml']) {
      expect(
        (await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url: server.url(path) } })).status,
      ).toBe(201);
    }
    expect((await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' })).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it('drops a channel link that is not http(s), stores a relative one resolved, and exports no such htmlUrl', async () => {
    const feeds = (await api(t.baseUrl, '/api/admin/feeds')).body.data as { url: string; siteUrl: string | null }[];
    const site = (path: string) => feeds.find((f) => f.url.endsWith(path))!.siteUrl;
    expect(site('/js.xml')).toBeNull();
    expect(site('/data.xml')).toBeNull();
    expect(site('/good.xml')).toBe(server.url('/home'));
    const opml = (await api(t.baseUrl, '/api/admin/feeds/opml')).body as string;
    expect(opml).not.toMatch(/javascript:|data:text/);
    expect(opml).toContain(`htmlUrl="${server.url('/home')}"`);
  });

  it('stores no article link that is not http(s)', async () => {
    const articles = (await api(t.baseUrl, '/api/admin/articles?limit=50')).body.data as { url: string | null }[];
    expect(articles.length).toBeGreaterThan(0);
    for (const a of articles) if (a.url !== null) expect(a.url).toMatch(/^https?:\/\//);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/plain,x',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'gopher://example.com/',
  ])('refuses %s as a feed, a webhook and a manual evidence URL', async (url) => {
    expect((await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url } })).status).toBe(400);
    expect((await api(t.baseUrl, '/api/admin/webhooks', { method: 'POST', body: { url } })).status).toBe(400);
    const manual = { url, title: 't', trend: 1, stance: 'supports' };
    expect((await api(t.baseUrl, '/api/admin/evidence', { method: 'POST', body: manual })).status).toBe(400);
  });

  it.each(['http://[::7f00:1]/feed', 'http://[::127.0.0.1]/feed', 'http://[::ffff:127.0.0.1]/feed'])(
    'refuses %s as a webhook when private networks are not allowed',
    async (url) => {
      const strict = await startTestApp({ FEED_ALLOW_PRIVATE_NETWORKS: 'false' });
      try {
        const res = await api(strict.baseUrl, '/api/admin/webhooks', { method: 'POST', body: { url } });
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('webhook_url_blocked');
        const feed = await api(strict.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url } });
        expect(feed.body.error.code).toBe('feed_url_blocked');
      } finally {
        await strict.close();
      }
    },
  );
});
