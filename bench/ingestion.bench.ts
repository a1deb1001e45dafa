/**
 * End-to-end ingestion throughput: 1,000 generated feeds × 50 items served over loopback HTTP,
 * ingested once by the real app (IngestionService.ingestDueFeeds: claim → fetch → parse →
 * normalise → dedupe/store) on a fresh test database, compared with the bare parser on the same
 * bytes in the same run. That is issue #3's "fetch, parse, dedupe, store"; the ingest-feeds job
 * also tags the new articles, which is not ingestion and has its own bench (tagging.bench.ts), so
 * tagging the stored articles is timed afterwards and reported apart (tagging*).
 *
 * `phases` says where an ingestion run goes, as mean latency per feed (feeds overlap): fetch
 * (connect, read, decode), prepare (parse, normalise, batch: on FEED_PARSE_THREADS worker threads,
 * queueing included) and store (one statement per feed). `cpuSeconds`
 * is this process's CPU time (user + system, all threads) over the ingestion: on a shared machine
 * wall-clock seconds are inflated by other work, CPU seconds much less so.
 *
 * The feed server runs in a child process (this file, started with --feed-server): serving 50k
 * items costs CPU, and in the same process it would be billed to the ingester's event loop and
 * its memory to the ingester's RSS. Apart, the figures are the app's own, as in production,
 * where the publishers' servers are elsewhere.
 *
 * A second case (bench/ingestion-latency.case.ts) runs 10,000 feeds answering after 100 ms
 * through the whole ingest-feeds job, against its concurrency bound. INGESTION_BENCH_CASE=main
 * or =latency runs one of the two.
 *
 * Run: npx ts-node --transpile-only bench/ingestion.bench.ts
 */
import type { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import { Client } from 'pg';
import { loadavg } from 'node:os';
import { cpuSecondsBetween, isDatabaseWorkFor, ProcessInfo, processCpuSeconds } from './process-cpu';
import { ArticleRepository } from '../src/articles/article.repository';
import { createApp } from '../src/create-app';
import type { AppEnv } from '../src/config/env';
import { PrismaService } from '../src/database/prisma.service';
import { FeedService } from '../src/feeds/feed.service';
import { parseFeed } from '../src/feeds/feed-parser';
import { prepareFeed } from '../src/feeds/feed-preparation';
import { FeedPreparationService } from '../src/feeds/feed-preparation.service';
import { IngestionService } from '../src/feeds/ingestion.service';
import { TaggingService } from '../src/tagging/tagging.service';
import { makeItems, rssDocument } from '../tests/support/generated-feeds';
import { createTestDatabase } from '../tests/support/test-database';
import { benchEnv, forkChild, printFiguresOf } from './bench-support';
import { LATENCY_SERVER_FLAG, LatencyCaseFigures, runLatencyCase, serveWithLatency } from './ingestion-latency.case';

const FEEDS = 1000;
const ITEMS_PER_FEED = 50;
const CONCURRENCY = 32;
const SERVER_FLAG = '--feed-server';

export interface IngestionBenchFigures {
  bench: 'ingestion';
  feeds: number;
  itemsPerFeed: number;
  items: number;
  seconds: number;
  itemsPerSec: number;
  bareParserItemsPerSec: number;
  ratio: number;
  /** This process's CPU time (user + system) during the ingestion, and items per CPU second. */
  cpuSeconds: number;
  cpuItemsPerSec: number;
  /** CPU seconds of PostgreSQL's work for the bench database and of the feed server during the ingestion (null without /proc). */
  databaseCpuSeconds: number | null;
  feedServerCpuSeconds: number | null;
  peakRssMb: number;
  /** The main thread's event-loop delay during the ingestion (p99, max): how long an API request could wait. */
  eventLoopDelayMs: { p99: number; max: number };
  /** Worker threads preparing documents (FEED_PARSE_THREADS; 0 = on the main thread). */
  parseThreads: number;
  phases: {
    fetchMeanMs: number;
    prepareMeanMs: number;
    storeMeanMs: number;
  };
  /** Tagging the stored articles afterwards (TaggingService.tagUntagged), as the job does; not in the figures above. */
  taggingSeconds: number;
  taggingArticlesPerSec: number;
  /**
   * The database's share alone: the same items, prepared beforehand, stored by the app's
   * ArticleRepository from CONCURRENCY concurrent callers into a fresh database, with nothing
   * fetched or parsed. What PostgreSQL costs per item bounds the end-to-end rate on shared cores.
   */
  storeOnly: { itemsPerSec: number; seconds: number; databaseCpuSeconds: number | null };
  /** One-minute load average at the end, to judge how shared the machine was. */
  loadAverage: number;
}

/** The same documents in parent and child: generation is deterministic (fixed dates). */
function feedDocuments(): string[] {
  return Array.from({ length: FEEDS }, (_, feed) => rssDocument(`Bench feed ${feed}`, makeItems(feed, ITEMS_PER_FEED)));
}

function digest(documents: string[]): string {
  const hash = createHash('sha256');
  for (const doc of documents) hash.update(doc);
  return hash.digest('hex');
}

/** Child side: serve /feed-<n>.xml and report the port and a digest of what it serves. */
function serveFeeds(): void {
  const documents = feedDocuments().map((doc) => Buffer.from(doc, 'utf8'));
  const server = createServer((request, response) => {
    const n = /^\/feed-(\d+)\.xml$/.exec(request.url ?? '')?.[1];
    const body = n === undefined ? undefined : documents[Number(n)];
    if (!body) return void response.writeHead(404).end();
    response
      .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': body.length })
      .end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.send!({ port, digest: digest(documents.map((b) => b.toString('utf8'))) });
  });
  process.on('disconnect', () => process.exit(0));
}

function bareParserItemsPerSec(documents: string[]): number {
  for (const doc of documents.slice(0, 50)) parseFeed(doc); // warm-up, as the app is warm after boot
  let items = 0;
  const started = performance.now();
  for (const doc of documents) items += parseFeed(doc).items.length;
  return items / ((performance.now() - started) / 1000);
}

/** Highest RSS seen while `work` runs, sampled every 50 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);
  try {
    const result = await work();
    return { result, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

async function insertFeeds(databaseUrl: string, port: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO feeds (url, updated_at) SELECT 'http://127.0.0.1:' || $1::int || '/feed-' || n || '.xml', now()
       FROM generate_series(0, $2::int - 1) AS n`,
      [port, FEEDS],
    );
  } finally {
    await client.end();
  }
}

async function storedItems(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query('SELECT count(*)::int AS n FROM feed_items')).rows[0].n;
  } finally {
    await client.end();
  }
}

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const roundOrNull = (value: number | null) => (value === null ? null : round(value, 2));

interface PhaseTimes {
  fetchMs: number;
  fetches: number;
  prepareMs: number;
  prepares: number;
  storeMs: number;
  stores: number;
}

/** Wraps `object[method]` to add its latency to `times[total]` and count calls in `times[count]`; returns the undo. */
function timeMethod<T extends object, K extends keyof T>(
  object: T,
  method: K,
  times: PhaseTimes,
  total: keyof PhaseTimes,
  count: keyof PhaseTimes,
): () => void {
  const original = object[method] as (...args: unknown[]) => Promise<unknown>;
  (object as Record<K, unknown>)[method] = async (...args: unknown[]) => {
    const started = performance.now();
    try {
      return await original.apply(object, args);
    } finally {
      times[total] += performance.now() - started;
      times[count] += 1;
    }
  };
  return () => {
    (object as Record<K, unknown>)[method] = original;
  };
}

/** Times the phases in place, on the app's own instances (a few performance.now() calls per feed); returns the undo. */
function instrumentPhases(app: INestApplication, times: PhaseTimes): () => void {
  const undo = [
    timeMethod(app.get(FeedService), 'fetch', times, 'fetchMs', 'fetches'),
    timeMethod(app.get(FeedPreparationService), 'prepare', times, 'prepareMs', 'prepares'),
    timeMethod(app.get(ArticleRepository), 'storeItems', times, 'storeMs', 'stores'),
  ];
  return () => undo.forEach((u) => u());
}

async function storeOnlyFigures(documents: string[], env: AppEnv): Promise<IngestionBenchFigures['storeOnly']> {
  const db = await createTestDatabase();
  try {
    const app = await createApp({ ...env, databaseUrl: db.url }, db.url);
    try {
      await insertFeeds(db.url, 1);
      const fetchedAt = new Date();
      const batches = documents.map(
        (text) => prepareFeed({ text, feedLanguage: null, baseUrl: 'http://127.0.0.1/', fetchedAt }).batch,
      );
      const articles = app.get(ArticleRepository);
      const limit = pLimit(CONCURRENCY);
      const databaseWork = isDatabaseWorkFor(new URL(db.url).pathname.slice(1));
      const databaseBefore = processCpuSeconds(databaseWork);
      const started = performance.now();
      const feedIds = await app.get(PrismaService).feed.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
      const stored = await Promise.all(
        batches.map((batch, n) => limit(() => articles.storeItems(feedIds[n]!.id, batch))),
      );
      const seconds = (performance.now() - started) / 1000;
      const databaseCpuSeconds = cpuSecondsBetween(databaseBefore, processCpuSeconds(databaseWork));
      const items = stored.reduce((sum, result) => sum + result.newItems, 0);
      if (items !== FEEDS * ITEMS_PER_FEED)
        throw new Error(`store-only stored ${items} items, expected ${FEEDS * ITEMS_PER_FEED}`);
      return {
        itemsPerSec: round(items / seconds),
        seconds: round(seconds, 2),
        databaseCpuSeconds: roundOrNull(databaseCpuSeconds),
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.drop();
  }
}

/** Both cases, one JSON line each (INGESTION_BENCH_CASE=main|latency picks one). */
export async function run(): Promise<(IngestionBenchFigures | LatencyCaseFigures)[]> {
  const only = process.env.INGESTION_BENCH_CASE;
  const figures: (IngestionBenchFigures | LatencyCaseFigures)[] = [];
  if (only !== 'latency') figures.push(await runMainCase());
  if (only !== 'main') figures.push(await runLatencyCase(__filename));
  return figures;
}

async function runMainCase(): Promise<IngestionBenchFigures> {
  const documents = feedDocuments();
  const { child, message } = await forkChild<{ port: number; digest: string }>(__filename, [SERVER_FLAG]);
  const server = { child, ...message };
  const db = await createTestDatabase();
  try {
    if (server.digest !== digest(documents))
      throw new Error('the feed server does not serve the documents the parser is measured on');
    const env = benchEnv(db.url, {
      // All feeds are on 127.0.0.1: one host, so the per-host limit would otherwise be the limit.
      FETCH_CONCURRENCY: String(CONCURRENCY),
      FETCH_PER_HOST_CONCURRENCY: String(CONCURRENCY),
      FEED_PARSE_THREADS: process.env.FEED_PARSE_THREADS,
    });
    const app = await createApp(env, db.url);
    try {
      await insertFeeds(db.url, server.port);
      // A running service's threads are up after its first ingestion; start them before timing.
      await app
        .get(FeedPreparationService)
        .prepare({ text: documents[0]!, feedLanguage: null, baseUrl: 'http://127.0.0.1/', fetchedAt: new Date() });
      const times: PhaseTimes = { fetchMs: 0, fetches: 0, prepareMs: 0, prepares: 0, storeMs: 0, stores: 0 };
      const undo = instrumentPhases(app, times);
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      const databaseWork = isDatabaseWorkFor(new URL(db.url).pathname.slice(1));
      const feedServer = ({ pid }: ProcessInfo) => pid === server.child.pid;
      const databaseBefore = processCpuSeconds(databaseWork);
      const feedServerBefore = processCpuSeconds(feedServer);
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      let summary: Awaited<ReturnType<IngestionService['ingestDueFeeds']>>;
      let peakRss: number;
      try {
        ({ result: summary, peakRss } = await withPeakRss(() => app.get(IngestionService).ingestDueFeeds('bench')));
      } finally {
        undo();
      }
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      loopDelay.disable();
      const databaseCpuSeconds = cpuSecondsBetween(databaseBefore, processCpuSeconds(databaseWork));
      const feedServerCpuSeconds = cpuSecondsBetween(feedServerBefore, processCpuSeconds(feedServer));
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const items = await storedItems(db.url);
      if (summary.feedsFailed > 0 || items !== FEEDS * ITEMS_PER_FEED) {
        throw new Error(`stored ${items} items, expected ${FEEDS * ITEMS_PER_FEED}: ${JSON.stringify(summary)}`);
      }
      const itemsPerSec = items / seconds;

      const taggingStarted = performance.now();
      const tagged = await app.get(TaggingService).tagUntagged();
      const taggingSeconds = (performance.now() - taggingStarted) / 1000;
      if (tagged.articlesTagged !== summary.articlesNew)
        throw new Error(`tagged ${tagged.articlesTagged} articles, expected ${summary.articlesNew}`);

      const storeOnly = await storeOnlyFigures(documents, env);
      const bare = bareParserItemsPerSec(documents);
      return {
        bench: 'ingestion',
        feeds: FEEDS,
        itemsPerFeed: ITEMS_PER_FEED,
        items,
        seconds: round(seconds, 2),
        itemsPerSec: round(itemsPerSec),
        bareParserItemsPerSec: round(bare),
        ratio: round(itemsPerSec / bare, 3),
        cpuSeconds: round(cpuSeconds, 2),
        cpuItemsPerSec: round(items / cpuSeconds),
        databaseCpuSeconds: roundOrNull(databaseCpuSeconds),
        feedServerCpuSeconds: roundOrNull(feedServerCpuSeconds),
        peakRssMb: round(peakRss / 1024 / 1024, 1),
        eventLoopDelayMs: { p99: round(loopDelay.percentile(99) / 1e6, 1), max: round(loopDelay.max / 1e6, 1) },
        parseThreads: env.feedParseThreads,
        phases: {
          fetchMeanMs: round(times.fetchMs / Math.max(1, times.fetches), 1),
          prepareMeanMs: round(times.prepareMs / Math.max(1, times.prepares), 1),
          storeMeanMs: round(times.storeMs / Math.max(1, times.stores), 1),
        },
        taggingSeconds: round(taggingSeconds, 2),
        taggingArticlesPerSec: round(tagged.articlesTagged / taggingSeconds),
        storeOnly,
        loadAverage: round(loadavg()[0]!, 2),
      };
    } finally {
      await app.close();
    }
  } finally {
    server.child.kill();
    await db.drop();
  }
}

if (require.main === module) {
  if (process.argv.includes(SERVER_FLAG)) {
    serveFeeds();
  } else if (process.argv.includes(LATENCY_SERVER_FLAG)) {
    serveWithLatency();
  } else {
    printFiguresOf(run);
  }
}
