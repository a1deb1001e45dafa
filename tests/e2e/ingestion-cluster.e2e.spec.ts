import { sql as sqlOn } from '../support/sql';
import { JobRunner } from '../../jobs/job-runner.service';
import { IngestionService, IngestSummary } from '../../src/feeds/ingestion.service';
import { FeedHandler, FeedServer, startFeedServer } from '../support/feed-server';
import { conditionalHandler, GeneratedItem, makeItems, rssDocument } from '../support/generated-feeds';
import { api, startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Two instances of the app on one database, as a deployment with two replicas runs: whatever
 * both are asked to do at the same moment, each feed is fetched once and each story stored once.
 */

const FEEDS = 50;
const ITEMS_PER_FEED = 20;
const SHARED_STORIES = 10;
const SHARED_PER_FEED = 4;
const OWN_PER_FEED = ITEMS_PER_FEED - SHARED_PER_FEED;
const EXPECTED_ARTICLES = FEEDS * OWN_PER_FEED + SHARED_STORIES;

/**
 * The wire stories feed `feed` republishes. Each feed gives its own GUID, tracking parameter and
 * date, so the same stories come in a different order in different feeds, as syndication does:
 * concurrent writers then meet the same URLs in different orders.
 */
function sharedItems(feed: number): GeneratedItem[] {
  return [0, 1, 2, 5].map((offset) => {
    const story = (feed + offset) % SHARED_STORIES;
    const hoursBack = (story * 7 + feed * 5) % 48;
    return {
      guid: `feed-${feed}-wire-${story}`,
      title: `Wire story ${story}: compute cluster of 100k accelerators`,
      link: `https://wire.example/stories/${story}?utm_source=feed-${feed}`,
      description: `<p>Wire story ${story}, as republished by feed ${feed}.</p>`,
      publishedAt: new Date(Date.UTC(2026, 10, 1, 12) - hoursBack * 3_600_000),
    };
  });
}

const pathOf = (feed: number) => `/cluster/feed-${feed}.xml`;

/** Answers a little later than at once, so the two instances' claim rounds overlap in time. */
function slowly(handler: FeedHandler, delayMs: number): FeedHandler {
  return (request, response) => void setTimeout(() => handler(request, response), delayMs);
}

const sql = <T = any>(db: TestDatabase, text: string, params: unknown[] = []) => sqlOn<T>(db.url, text, params);

describe('two app instances on one database', () => {
  let db: TestDatabase;
  let server: FeedServer;
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    const routes: Record<string, FeedHandler> = {};
    for (let feed = 0; feed < FEEDS; feed++) {
      const items = [...makeItems(feed, OWN_PER_FEED), ...sharedItems(feed)];
      routes[pathOf(feed)] = slowly(
        conditionalHandler(() => rssDocument(`Cluster feed ${feed}`, items)),
        15,
      );
    }
    server = await startFeedServer(routes);
    db = await createTestDatabase();
    // Small claim batches (4 × 4 feeds) so the two instances take turns claiming many times.
    const env = { FETCH_CONCURRENCY: '4', FETCH_PER_HOST_CONCURRENCY: '4' };
    one = await startTestApp(env, { db });
    two = await startTestApp(env, { db });
    for (let feed = 0; feed < FEEDS; feed++) {
      const via = feed % 2 === 0 ? one : two;
      const res = await api(via.baseUrl, '/api/admin/feeds', {
        method: 'POST',
        body: { url: server.url(pathOf(feed)) },
      });
      expect(res.status).toBe(201);
    }
  }, 60_000);

  afterAll(async () => {
    await one?.close();
    await two?.close();
    await server?.close();
    await db?.drop();
  });

  /** Requests per feed path since `from` (an index into server.requests). */
  function fetchesPerPath(from: number): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of server.requests.slice(from)) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
    return counts;
  }

  async function expectEveryFeedFetchedOnce(from: number): Promise<void> {
    const counts = fetchesPerPath(from);
    const wrong = [...Array(FEEDS).keys()].map(pathOf).filter((path) => counts.get(path) !== 1);
    expect(wrong.map((path) => `${path}: ${counts.get(path) ?? 0}`)).toEqual([]);
    expect(counts.size).toBe(FEEDS);
  }

  async function expectEachStoryStoredOnce(): Promise<void> {
    const [articles] = await sql(
      db,
      `SELECT count(*)::int AS total, count(DISTINCT normalized_url)::int AS urls,
                                             count(*) FILTER (WHERE normalized_url IS NULL)::int AS without_url FROM articles`,
    );
    expect(articles).toEqual({ total: EXPECTED_ARTICLES, urls: EXPECTED_ARTICLES, without_url: 0 });
    const perFeed = await sql(
      db,
      `SELECT f.url, count(fi.article_id)::int AS items
                                   FROM feeds f LEFT JOIN feed_items fi ON fi.feed_id = f.id GROUP BY f.url`,
    );
    expect(perFeed.filter((row) => row.items !== ITEMS_PER_FEED)).toEqual([]);
    expect(perFeed).toHaveLength(FEEDS);
    const [wire] = await sql(
      db,
      `SELECT count(*)::int AS articles, count(fi.*)::int AS sightings FROM articles a
                                  JOIN feed_items fi ON fi.article_id = a.id WHERE a.normalized_url LIKE 'https://wire.example/%'`,
    );
    expect(wire.sightings).toBe(FEEDS * SHARED_PER_FEED);
    const [failed] = await sql(
      db,
      'SELECT count(*)::int AS n FROM feeds WHERE last_error IS NOT NULL OR last_fetched_at IS NULL',
    );
    expect(failed.n).toBe(0);
  }

  /** As after a restore: every feed due again, nothing stored, no validators. */
  async function resetIngestedState(): Promise<void> {
    await sql(db, 'DELETE FROM feed_items');
    await sql(db, 'DELETE FROM articles');
    await sql(
      db,
      `UPDATE feeds SET next_check_at = now(), etag = NULL, last_modified = NULL, lease_owner = NULL,
                   lease_until = NULL, last_fetched_at = NULL`,
    );
  }

  it('asked to run ingest-feeds on both at once, fetches each feed once and stores each story once', async () => {
    const before = server.requests.length;
    const runs = await Promise.all(
      [one, two].map((instance) => api(instance.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' })),
    );
    // The job lease allows one run of a job at a time across instances: the other instance either
    // waits its turn (200, nothing left due) or is told the job is busy (409), never a second fetch.
    for (const run of runs) {
      if (run.status === 409) expect(run.body.error.code).toBe('job_busy');
      else expect(run).toMatchObject({ status: 200, body: { status: 'succeeded' } });
    }
    const succeeded = runs.filter((run) => run.status === 200);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    const tried = succeeded.reduce((n, run) => n + run.body.summary.feedsTried, 0);
    expect(tried).toBe(FEEDS);
    expect(succeeded.reduce((n, run) => n + run.body.summary.feedsFailed, 0)).toBe(0);
    await expectEveryFeedFetchedOnce(before);
    await expectEachStoryStoredOnce();
  });

  it('when both ingest concurrently (past the job lease), they split the due feeds between them', async () => {
    await resetIngestedState();
    const before = server.requests.length;
    const summaries: IngestSummary[] = await Promise.all(
      [one, two].map((instance, n) => instance.app.get(IngestionService).ingestDueFeeds(`cluster-test-${n}`)),
    );
    expect(summaries.map((s) => s.feedsFailed)).toEqual([0, 0]);
    expect(summaries[0]!.feedsTried + summaries[1]!.feedsTried).toBe(FEEDS);
    // With claims of 16 feeds and 15 ms per fetch, neither instance can take all 50 before the other claims.
    expect(summaries.every((s) => s.feedsTried > 0)).toBe(true);
    expect(summaries[0]!.itemsNew + summaries[1]!.itemsNew).toBe(FEEDS * ITEMS_PER_FEED);
    expect(summaries[0]!.articlesNew + summaries[1]!.articlesNew).toBe(EXPECTED_ARTICLES);
    await expectEveryFeedFetchedOnce(before);
    await expectEachStoryStoredOnce();
  });

  it('runs a scheduled tick on one instance only', async () => {
    await sql(db, 'UPDATE feeds SET next_check_at = now()');
    const tickAt = new Date();
    const outcomes = await Promise.all(
      [one, two].map((instance) => instance.app.get(JobRunner).runScheduled('ingest-feeds', tickAt)),
    );
    const ran = outcomes.filter((outcome) => outcome !== null);
    expect(ran).toHaveLength(1);
    expect(ran[0]!.run.status).toBe('succeeded');
    expect(ran[0]!.summary).toMatchObject({ feedsTried: FEEDS, feedsNotModified: FEEDS, itemsNew: 0 });
    // Once done, the same tick does not run again anywhere.
    expect(await two.app.get(JobRunner).runScheduled('ingest-feeds', tickAt)).toBeNull();
    expect(await one.app.get(JobRunner).runScheduled('ingest-feeds', tickAt)).toBeNull();
    const [runs] = await sql(
      db,
      "SELECT count(*)::int AS n FROM job_runs WHERE job = 'ingest-feeds' AND trigger = 'schedule'",
    );
    expect(runs.n).toBe(1);
  });
});
