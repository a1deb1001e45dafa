/**
 * Import throughput: IMPORT_BENCH_COUNT generated articles (default 1,000,000; realistic title and
 * summary lengths, 10% written to be evidence, 5% the same story under a second source) written
 * to a JSON Lines file, imported by the real app (ImportRunner, as `npm run import` does: read,
 * normalise, store per source with dedupe, tag) into an empty test database, then the same file
 * again into the database that now holds it. In the same run, the ceiling: a bare PostgreSQL COPY
 * of the same rows into an unindexed table (pg-copy-streams). Peak RSS is sampled during each
 * import (the generator and COPY run outside those windows).
 *
 * Run: IMPORT_BENCH_COUNT=200000 npx ts-node --transpile-only bench/import.bench.ts
 */
import { once } from 'node:events';
import { createWriteStream, promises as fs } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createApp } from '../src/create-app';
import { ImportRunner } from '../src/imports/import-runner.service';
import { createTestDatabase } from '../tests/support/test-database';
import { benchEnv, printFiguresOf } from './bench-support';
import { cpuSecondsBetween, isDatabaseWorkFor, processCpuSeconds } from './process-cpu';

const SOURCES = 20;
const FILLER = (
  'city council harbour museum weather garden recipe traffic football concert library festival river ' +
  'bridge market bakery station village mountain orchestra theatre cyclist marathon election budget ' +
  'school teacher parents holiday airport ferry tourism coffee cheese winter summer autumn spring'
).split(' ');
const EVIDENCE_TITLES = [
  'xAI expands its Colossus supercomputer to 200,000 Nvidia H100 GPUs for training',
  'Microsoft and OpenAI plan Stargate data center with millions of GPUs',
  '万卡集群建设加速，智算中心算力规模翻倍',
];

interface GeneratedRow {
  title: string;
  url: string;
  published: string;
  summary: string;
  source: string;
  language: string;
}

/** Deterministic: the same i always gives the same row (the JSON Lines file and COPY see the same data). */
export function generatedRow(i: number): GeneratedRow {
  const words = (n: number, seed: number) =>
    Array.from({ length: n }, (_, k) => FILLER[(seed * 31 + k * 7 + ((seed >> 3) % 11)) % FILLER.length]).join(' ');
  const evidence = i % 10 === 0;
  // Every 20th row is the previous row's story under the next source: 5% duplicates across sources.
  const story = i % 20 === 19 ? i - 1 : i;
  const start = Date.UTC(2024, 6, 1);
  const span = Date.UTC(2026, 10, 30) - start;
  return {
    title: evidence ? `${EVIDENCE_TITLES[i % 3]} (${i})` : `${words(8 + (i % 7), i)} ${i}`,
    url: `https://news${story % SOURCES}.example.com/${2024 + (story % 3)}/story-${story}?utm_source=feed`,
    published: new Date(start + Math.floor((story * 7919) % span)).toISOString(),
    summary: words(40 + (i % 60), i + 1),
    source: `source-${i % SOURCES}`,
    language: i % 3 === 2 ? 'zh' : 'en',
  };
}

async function writeJsonLines(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < count; i++) {
    if (!out.write(`${JSON.stringify(generatedRow(i))}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

async function bareCopy(url: string, count: number): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE bare_copy (title text, url text, published timestamptz, summary text, source text, language text)',
    );
    const rows = (function* () {
      for (let i = 0; i < count; i++) {
        const r = generatedRow(i);
        yield [r.title, r.url, r.published, r.summary, r.source, r.language].map(csvField).join(',') + '\n';
      }
    })();
    const started = performance.now();
    await pipeline(Readable.from(rows), client.query(copyFrom('COPY bare_copy FROM STDIN WITH (FORMAT csv)')));
    return count / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

interface ImportFigures {
  seconds: number;
  peakRssMb: number;
  /** CPU seconds of the app's process and of PostgreSQL's work for the database: which side is the bottleneck. */
  appCpuSeconds: number;
  databaseCpuSeconds: number | null;
  summary: object;
}

async function timedImport(runner: ImportRunner, path: string, databaseName: string): Promise<ImportFigures> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const databaseWork = isDatabaseWorkFor(databaseName);
  const databaseBefore = processCpuSeconds(databaseWork);
  const appBefore = process.cpuUsage();
  const started = performance.now();
  try {
    const run = await runner.run({ location: path, format: 'jsonl' });
    const ended = await run.done;
    if (ended.status !== 'succeeded') throw new Error(`import ${ended.status}: ${ended.error}`);
    const app = process.cpuUsage(appBefore);
    const databaseCpuSeconds = cpuSecondsBetween(databaseBefore, processCpuSeconds(databaseWork));
    return {
      seconds: (performance.now() - started) / 1000,
      peakRssMb: Math.round(peak / 2 ** 20),
      appCpuSeconds: +((app.user + app.system) / 1e6).toFixed(1),
      databaseCpuSeconds: databaseCpuSeconds === null ? null : +databaseCpuSeconds.toFixed(1),
      summary: ended.counts,
    };
  } finally {
    clearInterval(sampler);
  }
}

export async function run(): Promise<object> {
  const count = Number(process.env.IMPORT_BENCH_COUNT ?? 1_000_000);
  const path = join(tmpdir(), `import-bench-${process.pid}.jsonl`);
  const db = await createTestDatabase();
  const env = benchEnv(db.url);
  const app = await createApp(env, db.url);
  try {
    await writeJsonLines(path, count);
    const fileMb = Math.round((await fs.stat(path)).size / 2 ** 20);
    const runner = app.get(ImportRunner);
    const databaseName = new URL(db.url).pathname.slice(1);
    const first = await timedImport(runner, path, databaseName);
    console.error(`import bench: first import ${first.seconds.toFixed(1)} s`);
    const again = await timedImport(runner, path, databaseName);
    console.error(`import bench: re-import ${again.seconds.toFixed(1)} s`);
    const copyRowsPerSec = await bareCopy(db.url, count);
    const firstRate = count / first.seconds;
    return {
      bench: 'import',
      articles: count,
      fileMb,
      firstSeconds: +first.seconds.toFixed(1),
      firstArticlesPerSec: Math.round(firstRate),
      reimportSeconds: +again.seconds.toFixed(1),
      reimportArticlesPerSec: Math.round(count / again.seconds),
      reimportSpeedup: +(first.seconds / again.seconds).toFixed(2),
      copyRowsPerSec: Math.round(copyRowsPerSec),
      ratioToCopy: +(firstRate / copyRowsPerSec).toFixed(3),
      peakRssMb: Math.max(first.peakRssMb, again.peakRssMb),
      cpuSeconds: {
        first: { app: first.appCpuSeconds, database: first.databaseCpuSeconds },
        reimport: { app: again.appCpuSeconds, database: again.databaseCpuSeconds },
      },
      first: first.summary,
      reimport: again.summary,
      loadavg: loadavg().map((n) => +n.toFixed(2)),
    };
  } finally {
    await app.close();
    await db.drop();
    await fs.rm(path, { force: true });
  }
}

if (require.main === module) printFiguresOf(run);
