import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedServer, startEmbeddedServer } from '../support/embedded-server';
import { FeedServer, startFeedServer } from '../support/feed-server';
import { makeItems, rssDocument } from '../support/generated-feeds';
import { sql } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * PostgreSQL restarts while an ingest run is fetching (the app on DATABASE_URL). The database is
 * an embedded server this test starts on its own port (tests/support/embedded-server.ts), so the
 * machine's cluster is untouched.
 * The run must end `failed` with the database error, give back the feeds it claimed, and the next
 * run must go ahead at once: no 409 job_busy from a lease left held, no feed left claimed.
 */
const PG_PORT = 56100 + (process.pid % 400);
const FEEDS = 6;
const ANSWER_AFTER_MS = 1500;

describe('a PostgreSQL restart in the middle of an ingest run', () => {
  let dataDir: string;
  let database: EmbeddedServer;
  let server: FeedServer;
  let t: TestApp;
  const start = () => startEmbeddedServer(dataDir, PG_PORT);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'scorecard-restart-'));
    chmodSync(dataDir, 0o755); // as root, the postgres OS user must reach it
    database = await start();
    server = await startFeedServer((req, res) => {
      const feed = Number(/feed-(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
      const body = rssDocument(`Feed ${feed}`, makeItems(feed, 3));
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body), ANSWER_AFTER_MS);
    });
    t = await startTestApp(
      { FETCH_CONCURRENCY: '2', FETCH_PER_HOST_CONCURRENCY: '2' },
      { db: { url: database.url, name: 'scorecard', drop: async () => undefined } },
    );
    for (let feed = 0; feed < FEEDS; feed++)
      await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url: server.url(`/feed-${feed}.xml`) } });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await server?.close();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails the run with the database error, gives back its feeds, and lets the next run go on', async () => {
    const running = api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
    await new Promise((r) => setTimeout(r, 500)); // the first feeds are being fetched
    await database.stop();
    await new Promise((r) => setTimeout(r, ANSWER_AFTER_MS + 1000)); // their answers meet a database that is down
    database = await start();

    const failed = await running;
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: 'failed', error: expect.stringMatching(/\w{3,}/) });
    const claimed = await sql(database.url, 'SELECT count(*)::int AS n FROM feeds WHERE lease_owner IS NOT NULL');
    expect(claimed[0].n).toBe(0);

    const next = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ status: 'succeeded' });
    const [stored] = await sql(
      database.url,
      'SELECT count(*)::int AS feeds FROM feeds WHERE last_success_at IS NOT NULL',
    );
    expect(stored.feeds).toBe(FEEDS);
    const runs = await sql(database.url, "SELECT status FROM job_runs WHERE job = 'ingest-feeds' ORDER BY id");
    expect(runs.map((r: { status: string }) => r.status)).toEqual(['failed', 'succeeded']);
  }, 120_000);
});
