/**
 * Import throughput: IMPORT_BENCH_COUNT generated articles (default 1,000,000; realistic title and
 * summary lengths, 10% written to be evidence, 5% the same story under a second source) written
 * to a JSON Lines file, imported by `npm run import`'s compiled CLI in a child process (read,
 * normalise, store per source with dedupe, tag) into an empty test database, then the same file
 * again into the database that now holds it. In the same run, the ceiling: a bare PostgreSQL COPY
 * of the same rows into an unindexed table (pg-copy-streams). Peak RSS is the import process's
 * own high-water mark.
 *
 * Run: IMPORT_BENCH_COUNT=200000 npx ts-node --transpile-only bench/import.bench.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, promises as fs, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { projectRoot } from '../src/common/project-root';
import { createTestDatabase } from '../tests/support/test-database';
import { printFiguresOf } from './bench-support';
import { CLOCK_TICKS_PER_SEC, cpuSecondsBetween, isDatabaseWorkFor, processCpuSeconds } from './process-cpu';

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
  /** The import process's peak resident memory (VmHWM, the kernel's high-water mark). */
  peakRssMb: number;
  /** CPU seconds of the import's process and of PostgreSQL's work for the database: which side is the bottleneck. */
  appCpuSeconds: number;
  databaseCpuSeconds: number | null;
  summary: object;
}

/** VmHWM (kB) and CPU seconds of a live process, from /proc; null once it has gone. */
function readProcess(pid: number): { peakKb: number; cpuSeconds: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // An exited process not yet reaped has no VmHWM: such a sample says nothing.
    const peak = /VmHWM:\s+(\d+)/.exec(status)?.[1];
    if (peak === undefined) return null;
    return { peakKb: Number(peak), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SEC };
  } catch {
    return null;
  }
}

/**
 * One `npm run import -- <file> --format jsonl` as a user runs it: the compiled CLI in a process of
 * its own (its memory is the import's alone, without this bench or ts-node), sampled every 100 ms.
 */
async function timedImport(path: string, databaseUrl: string): Promise<ImportFigures> {
  const databaseWork = isDatabaseWorkFor(new URL(databaseUrl).pathname.slice(1));
  const databaseBefore = processCpuSeconds(databaseWork);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(projectRoot(), 'dist/src/imports/import.cli.js'), path, '--format', 'jsonl'],
    {
      cwd: projectRoot(),
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', LOAD_DEFAULT_FEEDS: 'false' },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  let last = { peakKb: 0, cpuSeconds: 0 };
  // The import's database backends end with it: their CPU is read while they live.
  const databaseSeen = new Map(databaseBefore ?? []);
  const sampler = setInterval(() => {
    const sample = readProcess(child.pid!);
    if (sample)
      last = { peakKb: Math.max(last.peakKb, sample.peakKb), cpuSeconds: Math.max(last.cpuSeconds, sample.cpuSeconds) };
    for (const [pid, seconds] of processCpuSeconds(databaseWork) ?? []) databaseSeen.set(pid, seconds);
  }, 100);
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  try {
    // 'close', not 'exit': stdout may still hold the summary line when the process exits.
    const [code] = (await once(child, 'close')) as [number | null];
    const seconds = (performance.now() - started) / 1000;
    const summary = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { status?: string; error?: string };
    if (code !== 0 || summary.status !== 'succeeded') throw new Error(`import exited ${code}: ${stdout}`);
    const databaseCpuSeconds = cpuSecondsBetween(databaseBefore, databaseBefore && databaseSeen);
    return {
      seconds,
      peakRssMb: Math.round(last.peakKb / 1024),
      // The last samples are at most 100 ms before the exit.
      appCpuSeconds: +last.cpuSeconds.toFixed(1),
      databaseCpuSeconds: databaseCpuSeconds === null ? null : +databaseCpuSeconds.toFixed(1),
      summary,
    };
  } finally {
    clearInterval(sampler);
  }
}

export async function run(): Promise<object> {
  const count = Number(process.env.IMPORT_BENCH_COUNT ?? 1_000_000);
  const path = join(tmpdir(), `import-bench-${process.pid}.jsonl`);
  // The import runs compiled, as `npm run import` does (its `preimport` builds).
  execFileSync('npm', ['run', 'build'], { cwd: projectRoot(), stdio: 'ignore' });
  const db = await createTestDatabase();
  try {
    await writeJsonLines(path, count);
    const fileMb = Math.round((await fs.stat(path)).size / 2 ** 20);
    const first = await timedImport(path, db.url);
    console.error(`import bench: first import ${first.seconds.toFixed(1)} s`);
    const again = await timedImport(path, db.url);
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
    await db.drop();
    await fs.rm(path, { force: true });
  }
}

if (require.main === module) printFiguresOf(run);
