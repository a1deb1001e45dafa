import { Clock } from '../../src/common/clock';
import { MetricsServer } from '../../src/metrics/metrics-server';
import { at, plusDays, seedEvidence, startReceiver } from '../integration/digests/digest-test-support';
import { FeedServer, respondWith, startFeedServer } from '../support/feed-server';
import { conditionalHandler, makeItems, rssDocument } from '../support/generated-feeds';
import { scrape, Scrape } from '../support/prometheus';
import { api, startTestApp, TestApp } from '../support/test-app';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

const metricsPortOf = (t: TestApp) => t.app.get(MetricsServer).port();

describe('Prometheus metrics', () => {
  let server: FeedServer;
  let t: TestApp;
  let metricsUrl: string;
  beforeAll(async () => {
    server = await startFeedServer({
      '/a.xml': conditionalHandler(() => rssDocument('Feed A', makeItems(1, 4))),
      '/b.xml': conditionalHandler(() => rssDocument('Feed B', makeItems(2, 3))),
      '/broken.xml': respondWith('<rss><channel><item><title>unterminated'),
      '/gone.xml': respondWith('gone', { 'content-type': 'text/plain' }, 410),
    });
    t = await startTestApp({ METRICS_TOKEN });
    metricsUrl = `http://127.0.0.1:${metricsPortOf(t)}/metrics`;
    for (const path of ['/a.xml', '/b.xml', '/broken.xml', '/gone.xml']) {
      expect(
        (await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url: server.url(path) } })).status,
      ).toBe(201);
    }
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  describe('after an ingest run against a loopback feed server', () => {
    let before: Scrape;
    let after: Scrape;
    let summary: Record<string, number>;
    beforeAll(async () => {
      before = await scrape(metricsUrl, METRICS_TOKEN);
      const run = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
      expect(run.body.status).toBe('succeeded');
      summary = run.body.summary;
      after = await scrape(metricsUrl, METRICS_TOKEN);
    });
    const moved = (name: string, labels: Record<string, string> = {}) =>
      after.value(name, labels) - before.value(name, labels);
    const observed = (name: string, labels: Record<string, string> = {}) =>
      after.histogramCount(name, labels) - before.histogramCount(name, labels);

    it('counts feeds fetched by outcome and error code, with durations and bytes', () => {
      expect(moved('scorecard_feed_fetches_total', { outcome: 'ok' })).toBe(3);
      expect(moved('scorecard_feed_fetches_total', { outcome: 'error', code: 'http-error' })).toBe(1);
      expect(observed('scorecard_feed_fetch_duration_seconds')).toBe(4);
      expect(moved('scorecard_feed_fetched_bytes_total')).toBeGreaterThan(1000);
      expect(moved('scorecard_feeds_ingested_total', { result: 'stored' })).toBe(2);
      expect(moved('scorecard_feeds_ingested_total', { result: 'error', code: 'parse-error' })).toBe(1);
      expect(moved('scorecard_feeds_ingested_total', { result: 'error', code: 'http-error' })).toBe(1);
    });

    it('counts items and articles stored, and evidence created by the rules, as the run summary does', () => {
      expect(summary).toMatchObject({ itemsNew: 7, articlesNew: 7 });
      expect(moved('scorecard_feed_items_stored_total')).toBe(7);
      expect(moved('scorecard_articles_stored_total')).toBe(7);
      expect(summary.evidenceNew).toBeGreaterThan(0);
      expect(moved('scorecard_evidence_created_total', { source: 'rules' })).toBe(summary.evidenceNew);
    });

    it('counts the job run by job and status, with its duration', () => {
      expect(moved('scorecard_job_runs_total', { job: 'ingest-feeds', status: 'succeeded' })).toBe(1);
      expect(observed('scorecard_job_run_duration_seconds', { job: 'ingest-feeds', status: 'succeeded' })).toBe(1);
    });

    it('counts review decisions by decision and manual evidence by source', async () => {
      const pending = await api(t.baseUrl, '/api/admin/evidence?status=pending');
      const [first, second] = pending.body.data as Array<{ id: number }>;
      await api(t.baseUrl, `/api/admin/evidence/${first!.id}/review`, { method: 'POST', body: { decision: 'accept' } });
      await api(t.baseUrl, '/api/admin/evidence/review', {
        method: 'POST',
        body: { ids: [second!.id, 99999], decision: 'reject' },
      });
      const manual = await api(t.baseUrl, '/api/admin/evidence', {
        method: 'POST',
        body: { url: 'https://news.example/robots', title: 'Robots at work', trend: 8, stance: 'supports' },
      });
      expect(manual.status).toBe(201);
      const now = await scrape(metricsUrl, METRICS_TOKEN);
      expect(now.value('scorecard_review_decisions_total', { decision: 'accept' })).toBe(1);
      expect(now.value('scorecard_review_decisions_total', { decision: 'reject' })).toBe(1);
      expect(now.value('scorecard_evidence_created_total', { source: 'manual' })).toBe(1);
    });
  });

  it('times HTTP requests by route pattern and status, never by raw URL', async () => {
    await api(t.baseUrl, '/api/trends/compute-clusters/momentum?interval=week', { token: null });
    await api(t.baseUrl, '/api/trends/open-source-models/momentum?interval=week', { token: null });
    await api(t.baseUrl, '/no/such/path/12345', { token: null });
    const now = await scrape(metricsUrl, METRICS_TOKEN);
    const routes = now.histogramSeries('scorecard_http_request_duration_seconds').map((s) => s.labels?.route);
    expect(routes.length).toBeGreaterThan(0);
    expect(
      now.histogramCount('scorecard_http_request_duration_seconds', {
        route: '/api/trends/:key/momentum',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(2);
    expect(now.histogramCount('scorecard_http_request_duration_seconds', { route: 'unmatched', status: '404' })).toBe(
      1,
    );
    expect(routes.some((r) => r?.includes('compute-clusters') || r?.includes('12345'))).toBe(false);
  });

  it('reports the database pool and the process', async () => {
    const now = await scrape(metricsUrl, METRICS_TOKEN);
    expect(now.value('scorecard_db_pool_connections')).toBeGreaterThan(0);
    expect(now.family('scorecard_db_pool_in_use')?.type).toBe('GAUGE');
    expect(now.value('scorecard_db_pool_waiting')).toBe(0);
    expect(now.value('process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(now.family('nodejs_eventloop_lag_seconds')).toBeDefined();
  });

  it('serves /metrics on the main port only with the token, in the common error shape otherwise', async () => {
    const without = await api(t.baseUrl, '/metrics', { token: null });
    expect(without.status).toBe(401);
    expect(without.body.error).toMatchObject({ code: 'unauthorized', requestId: expect.any(String) });
    expect((await api(t.baseUrl, '/metrics', { token: 'wrong-token-0123456789abcdef' })).status).toBe(401);
    // The admin token is not the metrics token.
    expect((await api(t.baseUrl, '/metrics')).status).toBe(401);
    expect((await scrape(`${t.baseUrl}/metrics`, METRICS_TOKEN)).family('scorecard_job_runs_total')).toBeDefined();
    // A token once set guards the metrics listener too.
    expect((await fetch(metricsUrl)).status).toBe(401);
  });

  it('throttles wrong metrics tokens per address like wrong API tokens, on both listeners', async () => {
    const guarded = await startTestApp({ METRICS_TOKEN, AUTH_FAILURES_PER_MINUTE: '3' }, { db: t.db });
    try {
      const wrong = 'guess-0123456789abcdef-guess';
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await api(guarded.baseUrl, '/metrics', { token: wrong })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Refused before the token is compared: the right token waits out the minute too.
      const refused = await api(guarded.baseUrl, '/metrics', { token: METRICS_TOKEN });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const listener = await fetch(`http://127.0.0.1:${metricsPortOf(guarded)}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(listener.status).toBe(429);
      expect(listener.headers.get('retry-after')).not.toBeNull();
      // A scrape with no header at all is a misconfiguration, not a guess: it is not counted.
      const quiet = await startTestApp({ METRICS_TOKEN, AUTH_FAILURES_PER_MINUTE: '1' }, { db: t.db });
      try {
        for (let i = 0; i < 3; i++) expect((await api(quiet.baseUrl, '/metrics', { token: null })).status).toBe(401);
        expect(
          (await scrape(`${quiet.baseUrl}/metrics`, METRICS_TOKEN)).family('scorecard_job_runs_total'),
        ).toBeDefined();
      } finally {
        await quiet.close();
      }
    } finally {
      await guarded.close();
    }
  });

  it('leaves /metrics off the OpenAPI document', async () => {
    const doc = await api(t.baseUrl, '/api/docs.json', { token: null });
    expect(Object.keys(doc.body.paths)).not.toContain('/metrics');
  });

  it('without a token: the loopback listener serves it, the main port answers 404', async () => {
    const plain = await startTestApp({}, { db: t.db });
    try {
      const res = await api(plain.baseUrl, '/metrics', { token: null });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      const port = metricsPortOf(plain);
      expect((await scrape(`http://127.0.0.1:${port}/metrics`)).family('scorecard_feed_fetches_total')).toBeDefined();
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('METRICS_ENABLED=false serves no metrics anywhere', async () => {
    const off = await startTestApp({ METRICS_ENABLED: 'false', METRICS_TOKEN }, { db: t.db });
    try {
      expect(metricsPortOf(off)).toBeNull();
      expect((await api(off.baseUrl, '/metrics', { token: METRICS_TOKEN })).status).toBe(404);
    } finally {
      await off.close();
    }
  });

  it('counts digest deliveries by channel and outcome', async () => {
    const [ok, failing] = await Promise.all([startReceiver([200]), startReceiver([500])]);
    try {
      for (const receiver of [ok, failing])
        expect(
          (await api(t.baseUrl, '/api/admin/webhooks', { method: 'POST', body: { url: receiver.url } })).status,
        ).toBe(201);
      const week = at('2026-03-02T00:00:00Z');
      jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => plusDays(week, 7.3));
      await seedEvidence(t.db.url, [
        {
          slug: 'compute-clusters',
          stance: 'supports',
          status: 'accepted',
          score: 0.9,
          at: plusDays(week, 1),
          title: 'x',
        },
      ]);
      const run = await api(t.baseUrl, '/api/admin/jobs/build-digest/run', { method: 'POST' });
      expect(run.body.summary.deliveries).toMatchObject({ attempted: 2, delivered: 1, retrying: 1 });
      const now = await scrape(metricsUrl, METRICS_TOKEN);
      expect(now.value('scorecard_digest_deliveries_total', { channel: 'webhook', outcome: 'delivered' })).toBe(1);
      expect(now.value('scorecard_digest_deliveries_total', { channel: 'webhook', outcome: 'retrying' })).toBe(1);
      expect(now.value('scorecard_job_runs_total', { job: 'build-digest', status: 'succeeded' })).toBe(1);
    } finally {
      await Promise.all([ok.close(), failing.close()]);
    }
  });
});
