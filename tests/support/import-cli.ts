import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { projectRoot } from '../../src/common/project-root';
import { sql } from './sql';

/**
 * `npm run import` in a child process, and what an import leaves in the database: the tests of
 * interrupted imports (a kill, a database restart) compare that with an uninterrupted import.
 */

/** `rows` articles, every 10th evidence for compute-clusters, every 20th the previous story under another source. */
export function writeImportFile(path: string, rows: number): void {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const evidence =
      i % 10 === 0 ? 'Nvidia GPU training cluster grows to 100,000 H100 accelerators' : 'Harbour festival news';
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
  writeFileSync(path, lines.join('\n') + '\n');
}

export function startImport(databaseUrl: string, file: string): ChildProcess {
  const env = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', LOAD_DEFAULT_FEEDS: 'false' };
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/imports/import.cli.ts', file], {
    cwd: projectRoot(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface ImportExit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Collects the child's output until it exits. */
export async function importExit(child: ChildProcess): Promise<ImportExit> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

/** The row an import has checkpointed (0 before the first chunk, or before the table exists). */
export async function checkpointRow(databaseUrl: string): Promise<number> {
  const rows = await sql(databaseUrl, `SELECT (checkpoint->>'row')::int AS row FROM imports`).catch(() => []);
  return rows[0]?.row ?? 0;
}

function roundScores(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        key.endsWith('_score') && typeof value === 'number' ? Math.round(value * 1e9) / 1e9 : value,
      ]),
    ),
  );
}

/** Everything an import writes, in a stable order. */
export async function importedContents(databaseUrl: string) {
  return {
    articles: await sql(
      databaseUrl,
      `SELECT normalized_url, title, published_at FROM articles ORDER BY normalized_url`,
    ),
    seenIn: await sql(
      databaseUrl,
      `SELECT f.title, fi.guid_hash, a.normalized_url FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id
       JOIN articles a ON a.id = fi.article_id ORDER BY 1, 2`,
    ),
    evidence: await sql(
      databaseUrl,
      `SELECT a.normalized_url, t.slug, e.stance, e.score FROM evidence e JOIN articles a ON a.id = e.article_id
       JOIN trends t ON t.id = e.trend_id ORDER BY 1, 2`,
    ),
    // Score sums are float8: added in another order (chunks after a resume) they may differ in
    // the last bit, so they are compared to 9 decimals; counts stay exact.
    weekly: roundScores(await sql(databaseUrl, `SELECT * FROM trend_weekly_cells ORDER BY trend_id, week`)),
    daily: await sql(databaseUrl, `SELECT * FROM article_daily_rollups ORDER BY day`),
  };
}
