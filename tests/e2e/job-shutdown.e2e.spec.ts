import { JobRunner } from '../../jobs/job-runner.service';
import { FeedServer, startFeedServer } from '../support/feed-server';
import { makeItems, rssDocument } from '../support/generated-feeds';
import { sql } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const FAST_FEEDS = ['/fast-1.xml', '/fast-2.xml', '/fast-3.xml'];
const SLOW_FEEDS = ['/slow-1.xml', '/slow-2.xml'];

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    if (await condition()) return;
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Stopping the service while a job runs: the job is told to stop, finishes what it holds, and the
 * run is recorded as interrupted before the database closes; feeds whose fetch was cut short are
 * not blamed for it. A run whose process was killed outright is marked abandoned by the next run.
 */
describe('jobs across a shutdown', () => {
  let db: TestDatabase;
  let server: FeedServer;
  let slowFeedsHang = true;

  beforeAll(async () => {
    db = await createTestDatabase();
    const routes: Record<string, (req: any, res: any) => void> = {};
    [...FAST_FEEDS, ...SLOW_FEEDS].forEach((path, n) => {
      const body = rssDocument(`Feed ${path}`, makeItems(700 + n, 4));
      routes[path] = (_req, res) => {
        // The slow feeds answer only once the test lets them: the shutdown comes while they hang.
        if (SLOW_FEEDS.includes(path) && slowFeedsHang) return;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
      };
    });
    server = await startFeedServer(routes);
  });

  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('records a run stopped by shutdown as interrupted, holds nothing against cut-off feeds, and the next run completes', async () => {
    const first: TestApp = await startTestApp({}, { db });
    for (const path of [...FAST_FEEDS, ...SLOW_FEEDS]) {
      expect(
        (await api(first.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url: server.url(path) } })).status,
      ).toBe(201);
    }
    const running = first.app.get(JobRunner).runNow('ingest-feeds', 'api');
    await waitFor(
      async () => (await sql(db.url, 'SELECT count(*)::int AS n FROM feed_items'))[0].n === FAST_FEEDS.length * 4,
      'the fast feeds',
    );
    await first.app.close();
    const outcome = await running;

    expect(outcome.run.status).toBe('interrupted');
    expect(outcome.summary).toMatchObject({ feedsStored: 3, feedsInterrupted: 2, feedsFailed: 0 });
    const slow = await sql(
      db.url,
      `SELECT consecutive_errors, error_count, last_error, lease_owner, next_check_at <= now() AS due
                                    FROM feeds WHERE url LIKE '%/slow-%' ORDER BY url`,
    );
    expect(slow).toEqual([
      { consecutive_errors: 0, error_count: 0, last_error: null, lease_owner: null, due: true },
      { consecutive_errors: 0, error_count: 0, last_error: null, lease_owner: null, due: true },
    ]);
    expect(await sql(db.url, 'SELECT count(*)::int AS n FROM feed_fetch_log')).toEqual([{ n: 0 }]);

    slowFeedsHang = false;
    const second = await startTestApp({}, { db });
    try {
      const rerun = await api(second.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
      expect(rerun.body.status).toBe('succeeded');
      expect(rerun.body.summary).toMatchObject({ feedsTried: 2, feedsStored: 2, itemsNew: 8 });
      expect(
        await sql(
          db.url,
          'SELECT count(*)::int AS items, count(DISTINCT (feed_id, guid_hash))::int AS distinct_items FROM feed_items',
        ),
      ).toEqual([{ items: 20, distinct_items: 20 }]);
      const runs = await api(second.baseUrl, '/api/admin/jobs/runs?job=ingest-feeds');
      expect(runs.body.data.map((r: { status: string }) => r.status)).toEqual(['succeeded', 'interrupted']);
    } finally {
      await second.app.close();
    }
  }, 60_000);

  it('marks a run left running by a killed process as abandoned when its job next runs', async () => {
    const [stale] = await sql(
      db.url,
      `INSERT INTO job_runs (job, trigger, instance) VALUES ('ingest-feeds', 'schedule', 'gone:1:x') RETURNING id`,
    );
    const [otherJob] = await sql(
      db.url,
      `INSERT INTO job_runs (job, trigger, instance) VALUES ('build-digest', 'schedule', 'gone:1:x') RETURNING id`,
    );
    const t = await startTestApp({}, { db });
    try {
      const run = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
      expect(run.body.status).toBe('succeeded');
      const rows = await sql(
        db.url,
        'SELECT id, status, finished_at IS NOT NULL AS finished, error FROM job_runs WHERE id = ANY($1) ORDER BY id',
        [[stale.id, otherJob.id]],
      );
      expect(rows).toEqual([
        {
          id: stale.id,
          status: 'abandoned',
          finished: true,
          error: 'the process running it stopped before it finished',
        },
        // Another job's run is that job's to judge, when it next runs.
        { id: otherJob.id, status: 'running', finished: false, error: null },
      ]);
    } finally {
      await t.app.close();
    }
  });
});
