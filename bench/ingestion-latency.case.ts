/**
 * The ingestion bench's scale case: 10,000 feeds x 20 items, each answering after 100 ms from a
 * loopback latency server (a child process), ingested by one run of the ingest-feeds job (fetch,
 * store, tag) at FETCH_CONCURRENCY=64 / FETCH_PER_HOST_CONCURRENCY=64. With 64 fetches in flight
 * and 100 ms per answer, no run can beat 10,000 / 64 x 0.1 s = 15.6 s (the concurrency bound);
 * the goal is within 1.3x of it. Batches that wait for their slowest feed, or tagging only after
 * all fetching, show here as a ratio well above 1.
 */
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createApp } from '../src/create-app';
import { JobRunner } from '../jobs/job-runner.service';
import { cpuSecondsBetween, isDatabaseWorkFor, processCpuSeconds } from './process-cpu';
import { makeItems, rssDocument } from '../tests/support/generated-feeds';
import { createTestDatabase } from '../tests/support/test-database';
import { benchEnv, forkChild } from './bench-support';

export const LATENCY_SERVER_FLAG = '--latency-server';
const FEEDS = Number(process.env.LATENCY_BENCH_FEEDS ?? 10_000);
const ITEMS_PER_FEED = 20;
const LATENCY_MS = 100;
const CONCURRENCY = 64;

export interface LatencyCaseFigures {
  bench: 'ingestion-latency';
  feeds: number;
  itemsPerFeed: number;
  latencyMs: number;
  concurrency: number;
  items: number;
  articlesTagged: number;
  seconds: number;
  boundSeconds: number;
  ratioToBound: number;
  itemsPerSec: number;
  loadAverage: number;
  /**
   * CPU seconds over the run: the app (main thread and its parse workers) and PostgreSQL's work
   * for this database. Their sum against 2 x seconds says whether the run waited for the
   * machine's two cores or for something else (fetch slots, pool connections).
   */
  appCpuSeconds: number;
  databaseCpuSeconds: number | null;
}

/** Child side: /feed-<n>.xml answers its 20 items after LATENCY_MS. */
export function serveWithLatency(): void {
  const server = createServer((request, response) => {
    const n = /^\/feed-(\d+)\.xml$/.exec(request.url ?? '')?.[1];
    if (n === undefined) return void response.writeHead(404).end();
    const body = rssDocument(`Latency feed ${n}`, makeItems(Number(n), ITEMS_PER_FEED));
    setTimeout(() => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body), LATENCY_MS);
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on('disconnect', () => process.exit(0));
}

async function query(url: string, text: string, params: unknown[] = []): Promise<any[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

export async function runLatencyCase(benchFile: string): Promise<LatencyCaseFigures> {
  const { child, message } = await forkChild<{ port: number }>(benchFile, [LATENCY_SERVER_FLAG]);
  const server = { child, ...message };
  const db = await createTestDatabase();
  try {
    const env = benchEnv(db.url, {
      FETCH_CONCURRENCY: String(CONCURRENCY),
      FETCH_PER_HOST_CONCURRENCY: String(CONCURRENCY),
    });
    const app = await createApp(env, db.url);
    try {
      await query(
        db.url,
        `INSERT INTO feeds (url, updated_at) SELECT 'http://127.0.0.1:' || $1::int || '/feed-' || n || '.xml', now()
         FROM generate_series(0, $2::int - 1) AS n`,
        [server.port, FEEDS],
      );
      const databaseWork = isDatabaseWorkFor(db.name);
      const databaseBefore = processCpuSeconds(databaseWork);
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const { run, summary } = await app.get(JobRunner).runNow('ingest-feeds', 'cli');
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const databaseCpuSeconds = cpuSecondsBetween(databaseBefore, processCpuSeconds(databaseWork));
      const [{ n: items }] = await query(db.url, 'SELECT count(*)::int AS n FROM feed_items');
      if (run.status !== 'succeeded' || items !== FEEDS * ITEMS_PER_FEED)
        throw new Error(
          `run ${run.status}, ${items} items stored of ${FEEDS * ITEMS_PER_FEED}: ${JSON.stringify(summary)}`,
        );
      const boundSeconds = (FEEDS / CONCURRENCY) * (LATENCY_MS / 1000);
      return {
        bench: 'ingestion-latency',
        feeds: FEEDS,
        itemsPerFeed: ITEMS_PER_FEED,
        latencyMs: LATENCY_MS,
        concurrency: CONCURRENCY,
        items,
        articlesTagged: Number(summary.articlesTagged ?? 0),
        seconds: Math.round(seconds * 100) / 100,
        boundSeconds: Math.round(boundSeconds * 100) / 100,
        ratioToBound: Math.round((seconds / boundSeconds) * 100) / 100,
        itemsPerSec: Math.round(items / seconds),
        loadAverage: Math.round(loadavg()[0]! * 100) / 100,
        appCpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
        databaseCpuSeconds: databaseCpuSeconds === null ? null : Math.round(databaseCpuSeconds * 100) / 100,
      };
    } finally {
      await app.close();
    }
  } finally {
    server.child.kill();
    await db.drop();
  }
}
