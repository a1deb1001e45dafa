import { ChildProcess, spawn } from 'node:child_process';
import { projectRoot } from '../../src/common/project-root';
import { FeedServer, startFeedServer } from '../support/feed-server';
import { makeItems, rssDocument } from '../support/generated-feeds';
import { sql } from '../support/sql';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { api, startTestApp, TEST_ADMIN_TOKEN, TestApp } from '../support/test-app';

/**
 * An instance is killed with SIGKILL in the middle of an ingest run: its job lease (60 s) and its
 * feed leases (120 s) are still in the rows. Its liveness lock went with its connection, so
 * another instance on the same database runs the job and fetches those feeds at once.
 */
const PORT = 39700 + (process.pid % 300);
const FEEDS = 3;

function startInstance(databaseUrl: string): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(PORT),
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    FEED_ALLOW_PRIVATE_NETWORKS: 'true',
    SCHEDULER_ENABLED: 'false',
    LOAD_DEFAULT_FEEDS: 'false',
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: projectRoot(),
    env,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return { child, output: () => output };
}

async function until(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('leases of an instance killed with SIGKILL', () => {
  let db: TestDatabase;
  let server: FeedServer;
  let t: TestApp | undefined;
  let hang = true;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startFeedServer((req, res) => {
      if (hang) return; // the killed instance's fetches never get an answer
      const feed = Number(/feed-(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssDocument(`F${feed}`, makeItems(feed, 2)));
    });
  });
  afterAll(async () => {
    await t?.close();
    await server.close();
    await db.drop();
  });

  it('are free at once for the next instance: no job_busy, no feed left claimed', async () => {
    const killed = startInstance(db.url);
    const base = `http://127.0.0.1:${PORT}`;
    await until('the instance to be ready', async () => (await fetch(`${base}/health/ready`)).ok);
    for (let feed = 0; feed < FEEDS; feed++)
      await api(base, '/api/admin/feeds', { method: 'POST', body: { url: server.url(`/feed-${feed}.xml`) } });
    void api(base, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' }).catch(() => undefined);
    await until('the feeds to be claimed', async () => {
      const [row] = await sql(db.url, 'SELECT count(*)::int AS n FROM feeds WHERE lease_until > now()');
      return row.n === FEEDS;
    });
    killed.child.kill('SIGKILL');
    await new Promise((resolve) => killed.child.once('exit', resolve));

    hang = false;
    t = await startTestApp({}, { db: { ...db, drop: async () => undefined } });
    const killedAt = Date.now();
    const run = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ status: 'succeeded', summary: { feedsTried: FEEDS, feedsStored: FEEDS } });
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    const runs = await sql(db.url, "SELECT status FROM job_runs WHERE job = 'ingest-feeds' ORDER BY id");
    expect(runs.map((r: { status: string }) => r.status)).toEqual(['abandoned', 'succeeded']);
  }, 120_000);
});
