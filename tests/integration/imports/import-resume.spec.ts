import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../../src/common/project-root';
import { sql } from '../../support/sql';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/**
 * `npm run import` in a child process, killed mid-import (SIGKILL: no chance to record anything;
 * SIGINT: it stops between chunks), then started again with the same arguments: it resumes from
 * its checkpoint and ends with exactly the rows of an uninterrupted import of the same file.
 */
const ROWS = 30_000;
const file = join(mkdtempSync(join(tmpdir(), 'import-resume-')), 'big.jsonl');

function writeFile(): void {
  const lines: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const evidence =
      i % 10 === 0 ? 'Nvidia GPU training cluster grows to 100,000 H100 accelerators' : 'Harbour festival news';
    // Every 20th row repeats the previous story under another source.
    const story = i % 20 === 19 ? i - 1 : i;
    lines.push(
      JSON.stringify({
        title: `${evidence} ${i}`,
        url: `https://resume.example/${story}`,
        published: new Date(Date.UTC(2024, 6, 1) + story * 600_000).toISOString(),
        summary: 'Some words about the story.',
        source: `wire-${i % 7}`,
      }),
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

function startImport(db: TestDatabase): ChildProcess {
  const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent', LOAD_DEFAULT_FEEDS: 'false' };
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/imports/import.cli.ts', file], {
    cwd: projectRoot(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function runToEnd(db: TestDatabase): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startImport(db);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

/** Waits until the import has committed at least one chunk but not the last, then sends `signal`. */
async function interrupt(db: TestDatabase, signal: NodeJS.Signals): Promise<number> {
  const child = startImport(db);
  const exited = once(child, 'exit');
  for (let i = 0; i < 1200; i++) {
    const rows = await sql(db.url, `SELECT (checkpoint->>'row')::int AS row FROM imports`).catch(() => []);
    const row = rows[0]?.row ?? 0;
    if (row > 0) {
      if (row >= ROWS) throw new Error('the import finished before it could be interrupted');
      child.kill(signal);
      await exited;
      return row;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  throw new Error('no checkpoint within 30 s');
}

async function contents(db: TestDatabase) {
  return {
    articles: await sql(db.url, `SELECT normalized_url, title, published_at FROM articles ORDER BY normalized_url`),
    seenIn: await sql(
      db.url,
      `SELECT f.title, fi.guid_hash, a.normalized_url FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id
       JOIN articles a ON a.id = fi.article_id ORDER BY 1, 2`,
    ),
    evidence: await sql(
      db.url,
      `SELECT a.normalized_url, t.slug, e.stance, e.score FROM evidence e JOIN articles a ON a.id = e.article_id
       JOIN trends t ON t.id = e.trend_id ORDER BY 1, 2`,
    ),
    weekly: await sql(db.url, `SELECT * FROM trend_weekly_cells ORDER BY trend_id, week`),
    daily: await sql(db.url, `SELECT * FROM article_daily_rollups ORDER BY day`),
  };
}

describe('an interrupted import', () => {
  const dbs: TestDatabase[] = [];
  let reference: Awaited<ReturnType<typeof contents>>;

  beforeAll(async () => {
    writeFile();
    const whole = await createTestDatabase();
    dbs.push(whole);
    const run = await runToEnd(whole);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toMatchObject({ status: 'succeeded', read: ROWS });
    reference = await contents(whole);
  }, 120_000);
  afterAll(() => Promise.all(dbs.map((db) => db.drop())));

  it.each([['SIGKILL'], ['SIGINT']] as const)(
    'killed with %s, resumes from its checkpoint and ends with the same rows as an uninterrupted one',
    async (signal) => {
      const db = await createTestDatabase();
      dbs.push(db);
      const stoppedAt = await interrupt(db, signal);
      const [stopped] = await sql(db.url, `SELECT status, (checkpoint->>'row')::int AS row FROM imports`);
      // SIGKILL leaves the row 'running' (nothing could record the end); SIGINT records it.
      expect(stopped.status).toBe(signal === 'SIGKILL' ? 'running' : 'interrupted');
      expect(stopped.row).toBeGreaterThanOrEqual(stoppedAt);
      expect((await sql(db.url, 'SELECT count(*)::int n FROM articles'))[0].n).toBeLessThan(reference.articles.length);

      const resumed = await runToEnd(db);
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toMatch(/resuming import 1 from its checkpoint/);
      const imports = await sql(db.url, `SELECT id, status, (counts->>'read')::int AS read FROM imports`);
      expect(imports).toEqual([{ id: 1, status: 'succeeded', read: ROWS }]);
      expect(reference.articles.length).toBe(ROWS - ROWS / 20);
      expect(await contents(db)).toEqual(reference);
    },
    120_000,
  );
});
