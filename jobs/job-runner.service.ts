import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AppError } from '../src/common/app-error';
import type { AppEnv } from '../src/config/env';
import pTimeout from 'p-timeout';
import { retryWhileDatabaseDown } from '../src/database/connection-errors';
import type { JobRun, Prisma } from '../src/generated/prisma/client';
import { MetricsService } from '../src/metrics/metrics.service';
import { JobRunRepository } from './job-run.repository';
import { Job, JobParams, JOBS, JobSummary, JobTrigger } from './job.types';

const LEASE_TTL_MS = 60_000;
/** How long shutdown waits for running jobs to stop between items and record how they ended. */
const SHUTDOWN_GRACE_MS = 20_000;

export interface JobOutcome {
  run: JobRun;
  summary: JobSummary;
}

/**
 * Runs jobs: takes the job's lease, records the run, renews the lease while the job works,
 * and records how it ended. Errors inside a job are recorded on the run, never thrown past it.
 *
 * A run ends `succeeded`, `failed`, or `interrupted` (the process shut down and the job stopped
 * between items). A run still marked `running` when its job's lease is free was cut off by a
 * crash or a kill: the next run of that job marks it `abandoned`.
 */
@Injectable()
export class JobRunner implements OnModuleDestroy {
  private readonly logger = new Logger(JobRunner.name);
  readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly shutdown = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    @Inject(JOBS) private readonly jobs: Job[],
    private readonly runs: JobRunRepository,
    private readonly metrics: MetricsService,
  ) {}

  names(): string[] {
    return this.jobs.map((j) => j.name);
  }

  /** Every job and its schedule (null: run on demand only), for the scheduler. */
  schedules(env: AppEnv): { name: string; cron: string | null }[] {
    return this.jobs.map((job) => ({ name: job.name, cron: job.schedule(env) }));
  }

  /** Only ever called with a name from the API or the command line: an unknown one is theirs to report. */
  private find(name: string): Job {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw AppError.notFound('job', name);
    return job;
  }

  /** A scheduled tick: silently skipped when another instance already has this tick. */
  async runScheduled(name: string, tickAt: Date): Promise<JobOutcome | null> {
    const tick = `tick-${tickAt.toISOString().slice(0, 16)}`;
    return this.runWithLease(this.find(name), tick, 'schedule', {});
  }

  /** On demand: 400 for parameters the job does not take, 409 while a run of the same job is in progress anywhere. */
  async runNow(name: string, trigger: Exclude<JobTrigger, 'schedule'>, params: JobParams = {}): Promise<JobOutcome> {
    if (this.shutdown.signal.aborted) throw AppError.unavailable('shutting_down', 'the service is shutting down');
    const job = this.find(name);
    checkParams(job, params);
    const outcome = await this.runWithLease(job, `manual-${randomUUID()}`, trigger, params);
    if (!outcome) throw AppError.conflict('job_busy', `job ${name} is already running`);
    return outcome;
  }

  listRuns(filter: { job?: string; beforeId?: number; limit: number }): Promise<JobRun[]> {
    return this.runs.list(filter);
  }

  /**
   * Modules close dependents first, so this runs while the database and the feed workers are
   * still up: running jobs are told to stop and given time to record how they ended.
   */
  async onModuleDestroy(): Promise<void> {
    this.shutdown.abort();
    // A job past its grace must not hang the shutdown: resolve (not reject) and let the close go on.
    await pTimeout(Promise.allSettled([...this.inFlight]), SHUTDOWN_GRACE_MS, () => undefined);
  }

  /** Tracked from the lease claim on: a shutdown that starts while the claim is in flight waits for it too. */
  private async runWithLease(
    job: Job,
    tick: string,
    trigger: JobTrigger,
    params: JobParams,
  ): Promise<JobOutcome | null> {
    if (this.shutdown.signal.aborted) return null;
    const running = this.claimAndExecute(job, tick, trigger, params);
    this.inFlight.add(running);
    try {
      return await running;
    } finally {
      this.inFlight.delete(running);
    }
  }

  private async claimAndExecute(
    job: Job,
    tick: string,
    trigger: JobTrigger,
    params: JobParams,
  ): Promise<JobOutcome | null> {
    if (!(await this.runs.claimLease(job.name, tick, this.instance, LEASE_TTL_MS))) return null;
    return this.executeWithLease(job, tick, trigger, params);
  }

  private async executeWithLease(job: Job, tick: string, trigger: JobTrigger, params: JobParams): Promise<JobOutcome> {
    const renew = setInterval(() => {
      this.runs
        .renewLease(job.name, tick, this.instance, LEASE_TTL_MS)
        .catch((e) => this.logger.warn(`lease renewal failed: ${e}`));
    }, LEASE_TTL_MS / 3);
    renew.unref();
    try {
      const abandoned = await this.runs.abandonUnfinished(job.name);
      if (abandoned > 0)
        this.logger.warn(
          `job ${job.name}: ${abandoned} earlier run(s) had stopped without finishing; marked abandoned`,
        );
      return await this.execute(job, trigger, params);
    } finally {
      clearInterval(renew);
      // Through a database restart too: a lease left held keeps every run of the job out (job_busy).
      await retryWhileDatabaseDown(() => this.runs.releaseLease(job.name, tick, this.instance)).catch((e) =>
        this.logger.warn(`job ${job.name}: lease not released (${e}); it lapses in ${LEASE_TTL_MS / 1000} s`),
      );
    }
  }

  private async execute(job: Job, trigger: JobTrigger, params: JobParams): Promise<JobOutcome> {
    const run = await this.runs.start(job.name, trigger, this.instance);
    const started = Date.now();
    try {
      const summary = {
        ...(await job.run({ runId: run.id, trigger, params, signal: this.shutdown.signal })),
        durationMs: Date.now() - started,
      };
      const status = summary.interrupted === true ? 'interrupted' : 'succeeded';
      const finished = await this.runs.finish(run.id, status, summary as Prisma.InputJsonValue);
      this.metrics.jobFinished(job.name, status, summary.durationMs);
      this.logger.log(`job ${job.name} finished: ${JSON.stringify(summary)}`);
      return { run: finished, summary };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`job ${job.name} failed: ${error instanceof Error ? error.stack : message}`);
      const summary = { durationMs: Date.now() - started };
      // The error may be the database going away: wait for it to come back to record the failure,
      // or the run would stay `running` and be taken for one whose process died.
      const finished = await retryWhileDatabaseDown(() => this.runs.finish(run.id, 'failed', summary, message));
      this.metrics.jobFinished(job.name, 'failed', summary.durationMs);
      return { run: finished, summary: { ...summary, error: message } };
    }
  }
}

/** Parameters are strings by name, and only for a job that checks them. */
function checkParams(job: Job, params: JobParams): void {
  const notText = Object.entries(params).find(([, value]) => typeof value !== 'string');
  if (notText) throw AppError.badRequest('invalid_job_params', `parameter ${notText[0]} must be a string`);
  if (!job.checkParams) {
    if (Object.keys(params).length > 0)
      throw AppError.badRequest('invalid_job_params', `job ${job.name} takes no parameters`);
    return;
  }
  job.checkParams(params);
}
