import { Injectable } from '@nestjs/common';
import { InstanceLiveness } from '../src/database/instance-liveness';
import { PrismaService } from '../src/database/prisma.service';
import type { JobRun, Prisma } from '../src/generated/prisma/client';
import { Clock } from '../src/common/clock';

/**
 * Job runs and the per-job lease. The lease row says which tick of a job is running where, so
 * a tick runs once across every instance and two runs of one job never overlap.
 */
@Injectable()
export class JobRunRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly liveness: InstanceLiveness,
    private readonly clock: Clock,
  ) {}

  /**
   * Claims the job for `tick` unless another lease is live or this tick already ran. A lease whose
   * holder died (its liveness lock is gone) is not live, however long it had to run.
   */
  async claimLease(job: string, tick: string, owner: string, ttlMs: number): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ job: string }[]>`
      INSERT INTO job_leases (job, owner, lease_until, owner_key)
      VALUES (${job}, ${`${tick}|${owner}`}, now() + ${ttlMs} * interval '1 millisecond', ${this.liveness.key}::int)
      ON CONFLICT (job) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until,
        owner_key = EXCLUDED.owner_key
      WHERE (job_leases.lease_until < now() OR lease_holder_gone(job_leases.owner_key))
        AND split_part(job_leases.owner, '|', 1) <> ${tick}
      RETURNING job`;
    return rows.length === 1;
  }

  async renewLease(job: string, tick: string, owner: string, ttlMs: number): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE job_leases SET lease_until = now() + ${ttlMs} * interval '1 millisecond'
      WHERE job = ${job} AND owner = ${`${tick}|${owner}`}`;
  }

  /** Ends the lease but keeps the tick, so the same tick is not run again elsewhere. */
  async releaseLease(job: string, tick: string, owner: string): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE job_leases SET lease_until = now() - interval '1 millisecond'
      WHERE job = ${job} AND owner = ${`${tick}|${owner}`}`;
  }

  start(job: string, trigger: string, instance: string): Promise<JobRun> {
    return this.prisma.jobRun.create({ data: { job, trigger, instance } });
  }

  /**
   * Marks `job`'s runs still `running` as abandoned. Called by the holder of the job's lease: no
   * live run of the job can exist then, so such a run's process stopped before it finished.
   */
  async abandonUnfinished(job: string): Promise<number> {
    const { count } = await this.prisma.jobRun.updateMany({
      where: { job, status: 'running' },
      data: {
        status: 'abandoned',
        finishedAt: this.clock.now(),
        error: 'the process running it stopped before it finished',
      },
    });
    return count;
  }

  finish(
    id: number,
    status: 'succeeded' | 'failed' | 'interrupted',
    summary: JobSummaryJson,
    error?: string,
  ): Promise<JobRun> {
    return this.prisma.jobRun.update({
      where: { id },
      data: { status, summary: summary ?? undefined, error: error ?? null, finishedAt: this.clock.now() },
    });
  }

  list(filter: { job?: string; beforeId?: number; limit: number }): Promise<JobRun[]> {
    return this.prisma.jobRun.findMany({
      where: {
        ...(filter.job ? { job: filter.job } : {}),
        ...(filter.beforeId ? { id: { lt: filter.beforeId } } : {}),
      },
      orderBy: { id: 'desc' },
      take: filter.limit,
    });
  }
}

type JobSummaryJson = Prisma.InputJsonValue | undefined;
