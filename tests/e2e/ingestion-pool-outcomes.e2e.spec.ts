import { IngestionService } from '../../src/feeds/ingestion.service';
import { TaggingService } from '../../src/tagging/tagging.service';
import { FeedServer, startFeedServer } from '../support/feed-server';
import { GeneratedItem, makeItems, rssDocument } from '../support/generated-feeds';
import { sql as sqlOn } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * The continuous fetch pool with tagging overlapping it must store exactly what fetching every
 * feed and then tagging stored: the same articles, the same feed links, the same evidence. Feeds
 * answer after different delays (so they finish out of order) and syndicate shared stories (so
 * feeds race to store the same article).
 */
const FEEDS = 24;
const DELAY_MS = (feed: number) => (feed * 37) % 250;

function sharedStories(feed: number): GeneratedItem[] {
  return [0, 1, 2]
    .filter((n) => (feed + n) % 3 === 0)
    .map((n) => ({
      guid: `feed-${feed}-shared-${n}`,
      title: `Syndicated ${n}: humanoid robot startup delays its launch`,
      link: `https://wire.example/shared/${n}`,
      description: 'Embodied intelligence news carried by several feeds',
      publishedAt: new Date(Date.UTC(2026, 10, 1 + n)),
    }));
}

/** What a run left in the database, without ids or times (they differ between databases). */
async function storedOutcome(t: TestApp) {
  const q = (text: string) => sqlOn(t.db.url, text);
  return {
    links: await q(`SELECT f.url, fi.guid_hash, a.normalized_url, a.title, a.summary, a.published_at
      FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id JOIN articles a ON a.id = fi.article_id
      ORDER BY f.url, fi.guid_hash`),
    articles: await q(
      'SELECT count(*)::int AS n, (SELECT count(*)::int FROM untagged_articles) AS untagged FROM articles',
    ),
    evidence: await q(`SELECT a.normalized_url, tr.slug, e.stance, e.score, e.status, e.matched
      FROM evidence e JOIN articles a ON a.id = e.article_id JOIN trends tr ON tr.id = e.trend_id
      ORDER BY a.normalized_url, tr.slug`),
    feeds: await q(`SELECT url, items_seen, last_error, gap_count, lease_owner FROM feeds ORDER BY url`),
  };
}

describe('the continuous fetch pool, tagging meanwhile', () => {
  let server: FeedServer;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    server = await startFeedServer((req, res) => {
      const feed = Number(/\/feed-(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1);
      if (feed < 0) return void res.writeHead(404).end();
      const body = rssDocument(`Feed ${feed}`, [...makeItems(feed, 6), ...sharedStories(feed)]);
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body), DELAY_MS(feed));
    });
  });
  afterAll(async () => {
    await Promise.all(apps.map((t) => t.close()));
    await server.close();
  });

  async function appWithFeeds(): Promise<TestApp> {
    const t = await startTestApp({ FETCH_CONCURRENCY: '3', FETCH_PER_HOST_CONCURRENCY: '3' });
    apps.push(t);
    for (let feed = 0; feed < FEEDS; feed++) {
      const res = await api(t.baseUrl, '/api/admin/feeds', {
        method: 'POST',
        body: { url: server.url(`/feed-${feed}.xml`) },
      });
      expect(res.status).toBe(201);
    }
    return t;
  }

  it('stores the same articles, links and evidence as fetching everything, then tagging', async () => {
    const pooled = await appWithFeeds();
    const run = await api(pooled.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
    expect(run.body).toMatchObject({ status: 'succeeded', summary: { feedsTried: FEEDS, feedsStored: FEEDS } });

    const reference = await appWithFeeds();
    await reference.app.get(IngestionService).ingestDueFeeds('reference');
    await reference.app.get(TaggingService).tagUntagged();

    const [got, expected] = [await storedOutcome(pooled), await storedOutcome(reference)];
    expect(expected.evidence.length).toBeGreaterThan(FEEDS); // the comparison must have something to compare
    expect(expected.articles[0]).toEqual({ n: FEEDS * 6 + 3, untagged: 0 });
    expect(got).toEqual(expected);
  });
});
