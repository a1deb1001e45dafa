import type { AppEnv } from '../src/config/env';

/**
 * What a job reports when it finishes; stored on its run and returned by the run endpoint. A job
 * that stopped early because `signal` was aborted says so with `interrupted: true`: its run is
 * recorded as interrupted rather than succeeded.
 */
export type JobSummary = Record<string, unknown> & { interrupted?: boolean };

/** Named values given to one run (`npm run job -- <name> --key value`, or the run endpoint's `params`). */
export type JobParams = Record<string, string>;

export interface JobContext {
  runId: number;
  trigger: JobTrigger;
  /** Empty for scheduled runs: a run asked for with parameters is always on demand. */
  params: JobParams;
  /** Aborted when the process shuts down; long jobs stop between items and report `interrupted`. */
  signal: AbortSignal;
}

export type JobTrigger = 'schedule' | 'api' | 'cli';

/**
 * A job finds work and hands each item to services; it owns no logic of its own. Every job
 * class is listed in jobs/jobs.module.ts.
 */
export interface Job {
  readonly name: string;
  /** Cron expression from configuration, or null for jobs that only run on demand. */
  schedule(env: AppEnv): string | null;
  /**
   * Throws AppError (a 400) when the parameters are wrong, before any lease is taken. A job
   * without it takes none: any parameter given to it is refused.
   */
  checkParams?(params: JobParams): void;
  run(context: JobContext): Promise<JobSummary>;
}

export const JOBS = Symbol('JOBS');
