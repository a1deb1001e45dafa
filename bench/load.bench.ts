/**
 * The API under load while ingestion runs: 50 concurrent clients (autocannon) for 30 s on the
 * public API (/api/scorecard, /api/trends/<slug>/momentum, /api/trends) and the review queue
 * (GET /api/admin/evidence with a token), while the ingest-feeds job runs back to back on 200
 * feeds served from a loopback server. Goal: no errors, no non-2xx, p99 < 100 ms.
 *
 * Three processes, as in production the clients and the publishers are not the service: this one
 * runs the app; a child serves the feeds; another child runs autocannon. The feed server gives
 * every fetch 50 new items (as a busy wire would), so each run stores, dedupes and tags 10,000
 * items: ingestion.bench.ts's server serves fixed documents, after the first run nothing would be
 * new. The review queue grows as the bench runs, as it would in use.
 *
 * Run: npx ts-node --transpile-only bench/load.bench.ts
 */
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { JobRunner } from '../jobs/job-runner.service';
import { PrismaService } from '../src/database/prisma.service';
import { makeItems, rssDocument } from '../tests/support/generated-feeds';
import { sql } from '../tests/support/sql';
import { api, startTestApp, TEST_ADMIN_TOKEN, TestApp } from '../tests/support/test-app';
import { forkChild, printFiguresOf } from './bench-support';

const FEEDS = 200;
const ITEMS_PER_FETCH = 50;
const CONNECTIONS = 50;
const DURATION_SEC = Number(process.env.LOAD_BENCH_SECONDS ?? 30);
const FEED_SERVER_FLAG = '--feed-server';
const LOAD_CLIENT_FLAG = '--load-client';

interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

interface PhaseFigures {
  requests: number;
  requestsPerSec: number;
  latencyMs: Percentiles;
  latencyMsByRoute: Record<string, Percentiles>;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Ingestion during the load: completed ingest-feeds runs, feeds fetched, items stored, evidence created. */
  ingestion: { runs: number; feedsFetched: number; itemsNew: number; evidenceNew: number } | null;
  /** Pending evidence in the review queue at the end. */
  queueRows: number;
  /** The app's event-loop delay during the phase: time a request waited for the main thread. */
  eventLoopDelayMs: { p99: number; max: number };
  /** Queries waiting for one of the pool's 10 connections, sampled every 100 ms: a slow route starves the others. */
  poolWaiting: { mean: number; max: number };
  /** 1, 5 and 15 minute load averages at the end: the machine is shared, figures move with it. */
  loadAverage: number[];
  /** The app process's CPU time (user + system) per request: steadier than wall-clock on a shared machine. */
  appCpuMsPerRequest: number;
}

export interface LoadBenchFigures {
  bench: 'load';
  connections: number;
  durationSec: number;
  /** The goal's case: the load while ingest-feeds runs back to back. */
  withIngestion: PhaseFigures;
  /** The same load before, with no ingestion: a baseline for this machine at this moment. */
  withoutIngestion: PhaseFigures;
  /** The 50 clients on /health/live while ingesting: the framework's floor on this machine (FLOOR_ROUTES). */
  floorWithIngestion: PhaseFigures;
  /** No errors, no non-2xx and p99 < 100 ms, with ingestion. */
  goalMet: boolean;
}

/** Child: /feed-<n>.xml answers 50 items never shown before, on every fetch. */
function serveFeeds(): void {
  let fetches = 0;
  const server = createServer((request, response) => {
    const n = /^\/feed-(\d+)\.xml$/.exec(request.url ?? '')?.[1];
    if (n === undefined) return void response.writeHead(404).end();
    // A feed number far from the others' per fetch: every fetch's items are new, guids and links alike.
    const items = makeItems(1_000_000 + Number(n) * 100_000 + fetches++, ITEMS_PER_FETCH);
    const body = Buffer.from(rssDocument(`Load feed ${n}`, items), 'utf8');
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on('disconnect', () => process.exit(0));
}

interface Route {
  name: string;
  path: string;
  reviewer?: boolean;
}

/** The four routes the clients hit; 50 connections shared among them. */
const ROUTES: Route[] = [
  { name: 'scorecard', path: '/api/scorecard' },
  { name: 'momentum', path: '/api/trends/open-source-models/momentum?interval=week' },
  { name: 'trends', path: '/api/trends' },
  { name: 'reviewQueue', path: '/api/admin/evidence?status=pending', reviewer: true },
];

/**
 * The floor: the same 50 clients all on /health/live (no database, no cache, nothing but the
 * framework and its middleware) while ingesting. No route of the API can answer faster than this
 * one does under the same load, so it tells the machine's limit from the routes' own cost.
 */
const FLOOR_ROUTES: Route[] = [{ name: 'healthLive', path: '/health/live' }];
const ROUTE_SETS = { api: ROUTES, floor: FLOOR_ROUTES };
type RouteSet = keyof typeof ROUTE_SETS;

interface ClientFigures {
  latenciesByRoute: Record<string, number[]>;
  requestsPerSec: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

/**
 * Child: one autocannon instance per route, all at once (50 connections in all), so each route's
 * latency is known as well as the whole; every response time is kept to take percentiles over all.
 */
async function runLoadClient(baseUrl: string, routeSet: RouteSet): Promise<void> {
  const routes = ROUTE_SETS[routeSet];
  const latenciesByRoute: Record<string, number[]> = {};
  const results = await Promise.all(
    routes.map((route, i) => {
      const times: number[] = (latenciesByRoute[route.name] = []);
      return new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: baseUrl + route.path,
            connections: Math.floor(CONNECTIONS / routes.length) + (i < CONNECTIONS % routes.length ? 1 : 0),
            duration: DURATION_SEC,
            headers: route.reviewer ? { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } : {},
          },
          (error, result) =>
            error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
        );
        instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
      });
    }),
  );
  const statusCodes: Record<string, number> = {};
  for (const result of results)
    for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}))
      statusCodes[code] = (statusCodes[code] ?? 0) + (stats.count ?? 0);
  const sum = (pick: (r: autocannon.Result) => number) => results.reduce((n, r) => n + pick(r), 0);
  const figures: ClientFigures = {
    latenciesByRoute,
    requestsPerSec: sum((r) => r.requests.average),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    statusCodes,
  };
  process.send!(figures, () => process.exit(0));
}

async function addFeeds(t: TestApp, port: number): Promise<void> {
  for (let n = 0; n < FEEDS; n++) {
    const res = await api(t.baseUrl, '/api/admin/feeds', {
      method: 'POST',
      body: { url: `http://127.0.0.1:${port}/feed-${n}.xml` },
    });
    if (res.status !== 201) throw new Error(`adding feed ${n} answered ${res.status}`);
  }
}

/** One ingest-feeds run with every feed due, as the scheduler would run it. */
async function ingestOnce(t: TestApp): Promise<Record<string, unknown>> {
  await sql(t.db.url, 'UPDATE feeds SET next_check_at = now(), lease_until = NULL');
  const { run, summary } = await t.app.get(JobRunner).runNow('ingest-feeds', 'cli');
  if (run.status !== 'succeeded') throw new Error(`ingest-feeds ended ${run.status}: ${run.error}`);
  return summary;
}

/** Runs ingest-feeds back to back until `stop` is set. */
async function ingestUntil(t: TestApp, stop: { done: boolean }): Promise<NonNullable<PhaseFigures['ingestion']>> {
  const figures = { runs: 0, feedsFetched: 0, itemsNew: 0, evidenceNew: 0 };
  while (!stop.done) {
    const summary = await ingestOnce(t);
    figures.runs += 1;
    figures.feedsFetched += Number(summary.feedsTried ?? 0);
    figures.itemsNew += Number(summary.itemsNew ?? 0);
    figures.evidenceNew += Number(summary.evidenceNew ?? 0);
  }
  return figures;
}

const round = (n: number) => Math.round(n * 100) / 100;

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(sorted[sorted.length - 1] ?? NaN) };
}

/** 50 clients for DURATION_SEC on a set of routes, with ingest-feeds running back to back or not at all. */
async function measurePhase(t: TestApp, withIngestion: boolean, routeSet: RouteSet = 'api'): Promise<PhaseFigures> {
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const pool = t.app.get(PrismaService).pool;
  const waiting: number[] = [];
  const sampler = setInterval(() => waiting.push(pool.waitingCount), 100);
  const cpuBefore = process.cpuUsage();
  const stop = { done: false };
  const ingesting = withIngestion ? ingestUntil(t, stop) : Promise.resolve(null);
  const client = (await forkChild<ClientFigures>(__filename, [LOAD_CLIENT_FLAG, t.baseUrl, routeSet])).message;
  stop.done = true;
  const ingestion = await ingesting;
  loopDelay.disable();
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuBefore);
  const [{ n: queueRows }] = await sql<{ n: number }>(
    t.db.url,
    "SELECT count(*)::int AS n FROM evidence WHERE status = 'pending'",
  );
  const all = Object.values(client.latenciesByRoute).flat();
  return {
    requests: all.length,
    requestsPerSec: round(client.requestsPerSec),
    latencyMs: percentiles(all),
    latencyMsByRoute: Object.fromEntries(
      Object.entries(client.latenciesByRoute).map(([route, times]) => [route, percentiles(times)]),
    ),
    errors: client.errors,
    timeouts: client.timeouts,
    non2xx: client.non2xx,
    statusCodes: client.statusCodes,
    ingestion,
    queueRows,
    eventLoopDelayMs: { p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) },
    poolWaiting: { mean: round(waiting.reduce((a, b) => a + b, 0) / waiting.length), max: Math.max(...waiting) },
    loadAverage: loadavg().map(round),
    appCpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / Math.max(1, all.length)),
  };
}

export async function run(): Promise<LoadBenchFigures> {
  const feeds = await forkChild<{ port: number }>(__filename, [FEED_SERVER_FLAG]);
  const t = await startTestApp({
    // One loopback host stands in for 200 publishers: the per-host limit would otherwise be the limit.
    FETCH_CONCURRENCY: '16',
    FETCH_PER_HOST_CONCURRENCY: '16',
    // The bench's 50 clients share one reviewer token; the per-token limit is not what is measured.
    ADMIN_RATE_LIMIT_PER_MINUTE: '1000000',
    // As in production (the test default is 0): public answers may lag a write by 2 s.
    READ_CACHE_LAG_MS: '2000',
  });
  try {
    await addFeeds(t, feeds.message.port);
    // A first run before the load, so the review queue is not empty when the clients start.
    await ingestOnce(t);
    // The same load without ingestion first: what the machine and the API give on their own.
    const withoutIngestion = await measurePhase(t, false);
    const withIngestion = await measurePhase(t, true);
    const floorWithIngestion = await measurePhase(t, true, 'floor');
    const { errors, non2xx, latencyMs } = withIngestion;
    return {
      bench: 'load',
      connections: CONNECTIONS,
      durationSec: DURATION_SEC,
      withIngestion,
      withoutIngestion,
      floorWithIngestion,
      goalMet: errors === 0 && non2xx === 0 && latencyMs.p99 < 100,
    };
  } finally {
    feeds.child.disconnect();
    await t.close();
  }
}

if (require.main === module) {
  if (process.argv[2] === FEED_SERVER_FLAG) serveFeeds();
  else if (process.argv[2] === LOAD_CLIENT_FLAG) void runLoadClient(process.argv[3]!, process.argv[4] as RouteSet);
  else printFiguresOf(run);
}
