/**
 * Momentum, scorecard and review-queue latency at 10k and at 1M evidence rows, in the same run
 * (issues #5 and #11), and the HTML scorecard `/` and prediction page `/trends/{slug}` (issue #15,
 * goal p95 < 30 ms). The queue is the reviewer's default: GET /api/admin/evidence (pending,
 * sorted by score, no prediction filter), first page of 50, with a reviewer token.
 *
 * Two test databases, one per size, each served by its own instance of the real app over
 * loopback HTTP. Articles and evidence are generated straight into the database with
 * INSERT ... SELECT generate_series: publication dates spread over two years before AS_OF, all
 * ten predictions, mixed status, stance and score, two evidence rows per article. The 10k
 * database is loaded with the rollup triggers on (the incremental path); the 1M one with the
 * triggers off, then the `rebuild-rollups` job is run through the admin API and timed, and the
 * rebuilt sums are checked against `count(*)`. Both databases are then VACUUM ANALYZEd, the
 * state autovacuum would reach on its own, so it does not run during the measurement.
 *
 * Each endpoint gets 20 warm-up requests per size, then 200 measured sequential requests per size
 * with Node's fetch (keep-alive) from a separate client process, in alternating blocks of 50
 * (10k, 1M, 10k, 1M, ...) so load from other work on the machine falls on both sizes alike. A
 * request is timed from fetch to the last byte of the body.
 *
 * Run: npx ts-node --transpile-only bench/momentum.bench.ts
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startTestApp, TEST_ADMIN_TOKEN, TestApp } from '../tests/support/test-app';
import { printFiguresOf } from './bench-support';

const SMALL = 10_000;
const LARGE = 1_000_000;
const EVIDENCE_PER_ARTICLE = 2;
const DAYS = 730;
const AS_OF = '2026-06-01T00:00:00.000Z';
const WARMUP = 20;
const MEASURED = 200;
const BLOCK = 50;

interface Latency {
  p50: number;
  p95: number;
}

interface SizeFigures {
  momentum: Latency;
  scorecard: Latency;
  queue: Latency;
  scorecardPage: Latency;
  trendPage: Latency;
}

export interface MomentumBenchFigures {
  bench: 'momentum';
  rows10k: SizeFigures;
  rows1M: SizeFigures;
  ratioMomentumP95: number;
  ratioScorecardP95: number;
  ratioQueueP95: number;
  ratioScorecardPageP95: number;
  ratioTrendPageP95: number;
  rebuildSeconds1M: number;
  loadSeconds1M: number;
}

function log(message: string): void {
  process.stderr.write(`[momentum bench] ${message}\n`);
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A deterministic pseudo-random integer in [0, n) from a row number and a salt (PostgreSQL's hashint8). */
function hash(expr: string, salt: number, n: number): string {
  return `((hashint8((${expr})::bigint * 16 + ${salt})::bigint + 2147483648) % ${n})`;
}

/**
 * `evidenceRows / 2` articles, each with evidence for two different predictions. Dates, status,
 * stance and score are hashes of the row number, so every run generates the same data, with no
 * correlation between the columns (every day sees every prediction, status and stance).
 */
export async function generate(c: Client, evidenceRows: number): Promise<void> {
  const articles = evidenceRows / EVIDENCE_PER_ARTICLE;
  await c.query(
    `INSERT INTO articles (url, normalized_url, title, published_at)
     SELECT 'https://bench.example/' || g, 'https://bench.example/' || g, 'bench story ' || g,
            $1::timestamptz - ${hash('g', 1, DAYS)} * interval '1 day' - (${hash('g', 2, 86400)} + 1) * interval '1 second'
     FROM generate_series(1, $2::int) g`,
    [AS_OF, articles],
  );
  // The two rows of an article are 5 apart in the ten predictions, so (article, trend) is unique.
  const row = `a.id * ${EVIDENCE_PER_ARTICLE} + k`;
  await c.query(
    `WITH t AS (SELECT array_agg(id ORDER BY number) AS ids FROM trends)
     INSERT INTO evidence (article_id, trend_id, stance, score, status, published_at, updated_at)
     SELECT a.id,
            t.ids[1 + (${hash('a.id', 3, 10)} + k * 5) % 10],
            CASE WHEN ${hash(row, 4, 4)} = 0 THEN 'contradicts' ELSE 'supports' END,
            0.3 + ${hash(row, 5, 70)} / 100.0,
            CASE WHEN ${hash(row, 6, 20)} < 9 THEN 'pending'
                 WHEN ${hash(row, 6, 20)} < 16 THEN 'accepted'
                 ELSE 'rejected' END,
            a.published_at, now()
     FROM articles a CROSS JOIN generate_series(0, ${EVIDENCE_PER_ARTICLE - 1}) k CROSS JOIN t`,
  );
}

async function checkRollups(c: Client, label: string, expectedEvidence: number): Promise<void> {
  const { rows } = await c.query<{
    evidence: string;
    trend_sum: string | null;
    week_sum: string | null;
    articles: string;
    article_sum: string | null;
  }>(
    `SELECT (SELECT count(*) FROM evidence) AS evidence,
            (SELECT sum(count) FROM trend_daily_rollups) AS trend_sum,
            (SELECT sum(accepted_supports_count + accepted_contradicts_count + pending_supports_count
                        + pending_contradicts_count + rejected_supports_count + rejected_contradicts_count)
             FROM trend_weekly_cells) AS week_sum,
            (SELECT count(*) FROM articles) AS articles,
            (SELECT sum(count) FROM article_daily_rollups) AS article_sum`,
  );
  const r = rows[0]!;
  if (Number(r.evidence) !== expectedEvidence)
    throw new Error(`${label}: ${r.evidence} evidence rows, expected ${expectedEvidence}`);
  if (Number(r.trend_sum) !== Number(r.evidence)) {
    throw new Error(`${label}: trend_daily_rollups sum to ${r.trend_sum}, but count(*) FROM evidence is ${r.evidence}`);
  }
  if (Number(r.week_sum) !== Number(r.evidence)) {
    throw new Error(`${label}: trend_weekly_cells sum to ${r.week_sum}, but count(*) FROM evidence is ${r.evidence}`);
  }
  if (Number(r.article_sum) !== Number(r.articles)) {
    throw new Error(
      `${label}: article_daily_rollups sum to ${r.article_sum}, but count(*) FROM articles is ${r.articles}`,
    );
  }
  log(
    `${label}: daily and weekly rollups sum to ${r.trend_sum} and ${r.week_sum} = count(*) FROM evidence, ${r.article_sum} = count(*) FROM articles`,
  );
}

async function loadSmall(t: TestApp): Promise<void> {
  const started = performance.now();
  await withClient(t.db.url, async (c) => {
    await generate(c, SMALL);
    await checkRollups(c, '10k (triggers)', SMALL);
    await c.query('VACUUM ANALYZE');
  });
  log(`10k: loaded with triggers and vacuumed in ${seconds(performance.now() - started)} s`);
}

async function loadLarge(t: TestApp): Promise<{ loadSeconds: number; rebuildSeconds: number }> {
  return withClient(t.db.url, async (c) => {
    let started = performance.now();
    await c.query('ALTER TABLE articles DISABLE TRIGGER USER');
    await c.query('ALTER TABLE evidence DISABLE TRIGGER USER');
    try {
      await generate(c, LARGE);
    } finally {
      await c.query('ALTER TABLE articles ENABLE TRIGGER USER');
      await c.query('ALTER TABLE evidence ENABLE TRIGGER USER');
    }
    const loadSeconds = seconds(performance.now() - started);
    log(`1M: generated without triggers in ${loadSeconds} s`);

    started = performance.now();
    const res = await fetch(`${t.baseUrl}/api/admin/jobs/rebuild-rollups/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    const body = (await res.json()) as { status?: string; summary?: unknown; error?: unknown };
    const rebuildSeconds = seconds(performance.now() - started);
    if (res.status !== 200 || body.status !== 'succeeded') {
      throw new Error(`rebuild-rollups answered ${res.status}: ${JSON.stringify(body)}`);
    }
    log(`1M: rebuild-rollups in ${rebuildSeconds} s, summary ${JSON.stringify(body.summary)}`);
    await checkRollups(c, '1M (rebuilt)', LARGE);

    started = performance.now();
    await c.query('VACUUM ANALYZE');
    log(`1M: VACUUM ANALYZE in ${seconds(performance.now() - started)} s`);
    return { loadSeconds, rebuildSeconds };
  });
}

/** One request, timed to the last byte of the body (used once per endpoint to check the answer). */
async function timedGet(url: string, check: (text: string) => void): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
  const text = await res.text();
  const elapsed = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  check(text);
  return elapsed;
}

/**
 * The timed requests come from a separate Node process, as a real client's would: a client in the
 * app's own process would share its event loop and add its own parsing to every measured request.
 */
const CLIENT = `
const urls = JSON.parse(process.argv[1]);
const headers = { authorization: 'Bearer ' + process.argv[2] };
(async () => {
  // A fresh process: open the connection and warm the client up before timing anything.
  for (let i = 0; i < 10; i++) await (await fetch(urls[i % urls.length], { headers })).arrayBuffer();
  const samples = [];
  for (const url of urls) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error('GET ' + url + ' answered ' + res.status);
    samples.push(performance.now() - started);
  }
  process.stdout.write(JSON.stringify(samples));
})().catch((e) => { console.error(e); process.exit(1); });`;

function remoteSamples(urls: string[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    // The token is sent on every request; public routes ignore it, the queue needs it.
    const child = spawn(process.execPath, ['-e', CLIENT, JSON.stringify(urls), TEST_ADMIN_TOKEN], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`client exited ${code}`)),
    );
  });
}

interface Endpoint {
  name: keyof SizeFigures;
  path: (i: number) => string;
  check: (text: string) => void;
}

function endpoints(slugs: string[]): Endpoint[] {
  const asOf = encodeURIComponent(AS_OF);
  return [
    {
      name: 'momentum',
      // Each request asks for the next of the ten predictions.
      path: (i) => `/api/trends/${slugs[i % slugs.length]}/momentum?interval=week&asOf=${asOf}`,
      check: (text) => {
        const body = JSON.parse(text);
        if (!Array.isArray(body.series) || body.series.length !== 26)
          throw new Error(`momentum: unexpected body ${text.slice(0, 300)}`);
      },
    },
    {
      name: 'scorecard',
      path: () => `/api/scorecard?asOf=${asOf}`,
      check: (text) => {
        const body = JSON.parse(text);
        if (!Array.isArray(body.data) || body.data.length !== 10)
          throw new Error(`scorecard: unexpected body ${text.slice(0, 300)}`);
      },
    },
    {
      // The HTML scorecard (issue #15): the same statement plus the trend list and rendering.
      name: 'scorecardPage',
      path: () => `/?asOf=${asOf}`,
      check: (html) => {
        if ((html.match(/<li class="card"/g) ?? []).length !== 10)
          throw new Error(`scorecard page: not ten cards: ${html.slice(0, 300)}`);
      },
    },
    {
      // One prediction's page: momentum, the trend, a page of accepted evidence and the pins.
      name: 'trendPage',
      path: (i) => `/trends/${slugs[i % slugs.length]}?asOf=${asOf}`,
      check: (html) => {
        if (!html.includes('class="trend-chart"') || !html.includes('class="evidence"'))
          throw new Error(`trend page: no chart or evidence: ${html.slice(0, 300)}`);
      },
    },
    {
      name: 'queue',
      path: () => '/api/admin/evidence',
      check: (text) => {
        const body = JSON.parse(text);
        const scores = Array.isArray(body.data) ? body.data.map((e: { score: number }) => e.score) : [];
        const sorted = scores.every((s: number, i: number) => i === 0 || scores[i - 1] >= s);
        if (scores.length !== 50 || !sorted || body.data.some((e: { status: string }) => e.status !== 'pending'))
          throw new Error(`queue: unexpected body ${text.slice(0, 300)}`);
      },
    },
  ];
}

function percentile(sorted: number[], p: number): number {
  // Nearest rank: the smallest value with at least p% of the samples at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function summarise(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) };
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function seconds(ms: number): number {
  return round(ms / 1000, 2);
}

async function measure(
  small: TestApp,
  large: TestApp,
  slugs: string[],
): Promise<{ rows10k: SizeFigures; rows1M: SizeFigures }> {
  const rows10k = {} as SizeFigures;
  const rows1M = {} as SizeFigures;
  for (const endpoint of endpoints(slugs)) {
    const samples = new Map<TestApp, number[]>([
      [small, []],
      [large, []],
    ]);
    for (const app of [small, large]) {
      await timedGet(app.baseUrl + endpoint.path(0), endpoint.check);
      await remoteSamples(Array.from({ length: WARMUP }, (_, i) => app.baseUrl + endpoint.path(i)));
    }
    // Blocks alternate between the sizes so load from other work falls on both alike.
    for (let done = 0; done < MEASURED; done += BLOCK) {
      for (const app of [small, large]) {
        const urls = Array.from(
          { length: Math.min(BLOCK, MEASURED - done) },
          (_, k) => app.baseUrl + endpoint.path(done + k),
        );
        samples.get(app)!.push(...(await remoteSamples(urls)));
      }
    }
    rows10k[endpoint.name] = summarise(samples.get(small)!);
    rows1M[endpoint.name] = summarise(samples.get(large)!);
  }
  return { rows10k, rows1M };
}

export async function run(): Promise<MomentumBenchFigures> {
  const apps: TestApp[] = [];
  try {
    // The queue is an admin route: lift the per-token limit so the measured requests are not throttled.
    // The read cache is off: the same URL 200 times would measure a kept answer, not what an
    // answer costs to compute at 10k and 1M rows (the goal's question; load.bench.ts runs with it).
    const overrides = { ADMIN_RATE_LIMIT_PER_MINUTE: '1000000', READ_CACHE_MAX_AGE_SECONDS: '0' };
    const small = await startTestApp(overrides);
    apps.push(small);
    const large = await startTestApp(overrides);
    apps.push(large);
    await loadSmall(small);
    const { loadSeconds, rebuildSeconds } = await loadLarge(large);
    const slugs = await withClient(small.db.url, async (c) =>
      (await c.query<{ slug: string }>('SELECT slug FROM trends ORDER BY number')).rows.map((r) => r.slug),
    );
    if (slugs.length !== 10) throw new Error(`expected ten predictions, found ${slugs.length}`);

    const { rows10k, rows1M } = await measure(small, large, slugs);
    return {
      bench: 'momentum',
      rows10k,
      rows1M,
      ratioMomentumP95: round(rows1M.momentum.p95 / rows10k.momentum.p95, 3),
      ratioScorecardP95: round(rows1M.scorecard.p95 / rows10k.scorecard.p95, 3),
      ratioQueueP95: round(rows1M.queue.p95 / rows10k.queue.p95, 3),
      ratioScorecardPageP95: round(rows1M.scorecardPage.p95 / rows10k.scorecardPage.p95, 3),
      ratioTrendPageP95: round(rows1M.trendPage.p95 / rows10k.trendPage.p95, 3),
      rebuildSeconds1M: rebuildSeconds,
      loadSeconds1M: loadSeconds,
    };
  } finally {
    // Each app owns its database: close() drops it.
    for (const app of apps.reverse()) {
      await app.close().catch((error: unknown) => log(`closing ${app.db.name} failed: ${String(error)}`));
    }
  }
}

if (require.main === module) printFiguresOf(run);
