import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { PrismaService } from '../database/prisma.service';

/** Where evidence came from: the rules at ingestion or re-tag, the learned second stage, a reviewer by hand. */
export type EvidenceSource = 'rules' | 'model' | 'manual';

/** Label value for "no error code", so every series of a counter has the same label names. */
const NO_CODE = 'none';

/** Seconds, from a few milliseconds (API reads) to a minute (slow feeds, long jobs get their own buckets). */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const FETCH_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];
const JOB_BUCKETS = [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800];

/**
 * Owns the Prometheus registry: every metric of the service is defined here, and features record
 * events through the intent-named methods below, so metric names and labels live in one file.
 * Labels are bounded sets (route patterns, outcomes, stable error codes, job names), never raw
 * URLs or ids, so the number of series stays small whatever the traffic.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'scorecard_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [this.registry],
  });
  private readonly feedFetches = new Counter({
    name: 'scorecard_feed_fetches_total',
    help: 'Feed fetches by outcome (ok, not-modified, error) and error code',
    labelNames: ['outcome', 'code'] as const,
    registers: [this.registry],
  });
  private readonly feedFetchDuration = new Histogram({
    name: 'scorecard_feed_fetch_duration_seconds',
    help: 'Time to fetch one feed (connect to last byte), by outcome',
    labelNames: ['outcome'] as const,
    buckets: FETCH_BUCKETS,
    registers: [this.registry],
  });
  private readonly feedBytes = new Counter({
    name: 'scorecard_feed_fetched_bytes_total',
    help: 'Bytes of feed documents fetched (decompressed)',
    registers: [this.registry],
  });
  private readonly feedsIngested = new Counter({
    name: 'scorecard_feeds_ingested_total',
    help: 'Feeds through ingestion by result (stored, not-modified, error, interrupted) and error code',
    labelNames: ['result', 'code'] as const,
    registers: [this.registry],
  });
  private readonly itemsStored = new Counter({
    name: 'scorecard_feed_items_stored_total',
    help: 'Feed items stored that the feed had not shown before',
    registers: [this.registry],
  });
  private readonly articlesStored = new Counter({
    name: 'scorecard_articles_stored_total',
    help: 'New articles stored (an item already stored from another feed is not a new article)',
    registers: [this.registry],
  });
  private readonly evidence = new Counter({
    name: 'scorecard_evidence_created_total',
    help: 'Evidence created, by source (rules, model, manual)',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  private readonly reviews = new Counter({
    name: 'scorecard_review_decisions_total',
    help: 'Reviewer decisions applied to evidence, by decision (accept, reject)',
    labelNames: ['decision'] as const,
    registers: [this.registry],
  });
  private readonly jobRuns = new Counter({
    name: 'scorecard_job_runs_total',
    help: 'Job runs by job and how they ended (succeeded, failed, interrupted)',
    labelNames: ['job', 'status'] as const,
    registers: [this.registry],
  });
  private readonly jobDuration = new Histogram({
    name: 'scorecard_job_run_duration_seconds',
    help: 'Job run durations by job and status',
    labelNames: ['job', 'status'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });
  private readonly deliveries = new Counter({
    name: 'scorecard_digest_deliveries_total',
    help: 'Digest delivery attempts by channel (webhook, email) and outcome (delivered, retrying, failed)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(@Inject(APP_ENV) env: AppEnv, prisma: PrismaService) {
    this.registerPoolGauges(prisma);
    // Process metrics (CPU, memory, event-loop lag, GC, handles) are sampled when scraped.
    if (env.metrics.enabled) collectDefaultMetrics({ register: this.registry });
  }

  httpRequest(method: string, route: string, status: number, durationMs: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, durationMs / 1000);
  }

  feedFetched(outcome: string, code: string | undefined, durationMs: number, bytes: number): void {
    this.feedFetches.inc({ outcome, code: code ?? NO_CODE });
    this.feedFetchDuration.observe({ outcome }, durationMs / 1000);
    if (bytes > 0) this.feedBytes.inc(bytes);
  }

  feedIngested(outcome: { result: string; errorCode?: string; newItems: number; newArticles: number }): void {
    this.feedsIngested.inc({ result: outcome.result, code: outcome.errorCode ?? NO_CODE });
    if (outcome.newItems > 0) this.itemsStored.inc(outcome.newItems);
    if (outcome.newArticles > 0) this.articlesStored.inc(outcome.newArticles);
  }

  evidenceCreated(source: EvidenceSource, count: number): void {
    if (count > 0) this.evidence.inc({ source }, count);
  }

  reviewDecided(decision: string, count: number): void {
    if (count > 0) this.reviews.inc({ decision }, count);
  }

  jobFinished(job: string, status: string, durationMs: number): void {
    this.jobRuns.inc({ job, status });
    this.jobDuration.observe({ job, status }, durationMs / 1000);
  }

  digestDelivered(channel: string, outcome: string): void {
    this.deliveries.inc({ channel, outcome });
  }

  /** Prometheus text exposition of everything above. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /** Read when scraped: the pool the app owns (Prisma and the hot statements share it). */
  private registerPoolGauges(prisma: PrismaService): void {
    const pool = prisma.pool;
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
    gauge('scorecard_db_pool_connections', 'Open connections in the database pool', () => pool.totalCount);
    gauge(
      'scorecard_db_pool_in_use',
      'Pool connections checked out by a query',
      () => pool.totalCount - pool.idleCount,
    );
    gauge('scorecard_db_pool_waiting', 'Queries waiting for a free pool connection', () => pool.waitingCount);
  }
}
