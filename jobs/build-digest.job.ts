import { Injectable } from '@nestjs/common';
import type { AppEnv } from '../src/config/env';
import { DeliveryService } from '../src/digests/delivery.service';
import { DigestBuildService } from '../src/digests/digest-build.service';
import { Job, JobContext, JobSummary } from './job.types';

/**
 * Builds the digest of the period since the previous one and sends it at once; deliveries that
 * fail are retried by deliver-digests. A second run for the same period reports "already built".
 */
@Injectable()
export class BuildDigestJob implements Job {
  readonly name = 'build-digest';

  constructor(
    private readonly builder: DigestBuildService,
    private readonly delivery: DeliveryService,
  ) {}

  schedule(env: AppEnv): string {
    return env.digestCron;
  }

  async run(context: JobContext): Promise<JobSummary> {
    const result = await this.builder.buildDue();
    const digest = result.digest;
    const built = {
      outcome: result.outcome,
      digestId: digest?.id ?? null,
      periodStart: digest?.periodStart.toISOString() ?? null,
      periodEnd: digest?.periodEnd.toISOString() ?? null,
      nothingMoved: digest?.content.nothingMoved ?? null,
    };
    if (result.outcome !== 'built') return built;
    return {
      ...built,
      deliveries: await this.delivery.deliverDue(context.signal),
      interrupted: context.signal.aborted,
    };
  }
}
