import { FeedServer, startFeedServer } from '../support/feed-server';
import { GeneratedItem, rssDocument } from '../support/generated-feeds';
import { sql as sqlOn } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * A busy wire that shows only its latest 5 items, publishing one every 30 s. Fetched while its
 * window still overlaps what was stored, nothing is lost; fetched after more than 5 new items, the
 * window shares nothing with what was stored: the feed records the gap and is polled at the floor.
 */
const SHOWS = 5;
const START = Date.parse('2026-12-01T12:00:00Z');

function wireItem(n: number): GeneratedItem {
  return {
    guid: `wire-${n}`,
    title: `Wire story ${n}`,
    link: `https://wire.example/${n}`,
    description: `Story ${n}`,
    publishedAt: new Date(START + n * 30_000),
  };
}

describe('a feed that publishes faster than it shows', () => {
  let t: TestApp;
  let server: FeedServer;
  let published = 0;
  let feedId: number;

  const run = () => api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
  const feed = async () =>
    (await api(t.baseUrl, '/api/admin/feeds')).body.data.find((f: { id: number }) => f.id === feedId);
  const makeDue = () => sqlOn(t.db.url, 'UPDATE feeds SET next_check_at = now() WHERE id = $1', [feedId]);

  beforeAll(async () => {
    server = await startFeedServer({
      '/wire.xml': (_req, res) => {
        const latest = Array.from({ length: Math.min(SHOWS, published) }, (_, i) => wireItem(published - 1 - i));
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssDocument('Wire', latest));
      },
    });
    t = await startTestApp({ POLL_MIN_INTERVAL_MINUTES: '1' });
    const added = await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url: server.url('/wire.xml') } });
    feedId = added.body.id;
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it('counts no gap on the first fetch nor while the window overlaps, and polls at the configured floor', async () => {
    published = SHOWS;
    expect((await run()).body.status).toBe('succeeded');
    published += 3; // 3 new, 2 of the window already stored
    await makeDue();
    expect((await run()).body.summary).toMatchObject({ itemsNew: 3 });
    expect(await feed()).toMatchObject({ articleCount: 8, gapCount: 0, lastGapAt: null, intervalSeconds: 60 });
  });

  it('records the gap when the window shares nothing with what was stored', async () => {
    published += 12; // 12 new items, the feed shows 5: 7 were never visible to us
    await makeDue();
    const before = Date.now();
    expect((await run()).body.summary).toMatchObject({ itemsNew: SHOWS });
    const view = await feed();
    expect(view).toMatchObject({ articleCount: 8 + SHOWS, gapCount: 1, intervalSeconds: 60 });
    expect(Date.parse(view.lastGapAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(view.nextCheckAt) - Date.now()).toBeLessThanOrEqual(60_000);
  });
});
