import { Injectable } from '@nestjs/common';
import type { AppEnv } from '../src/config/env';
import { DeliveryService } from '../src/digests/delivery.service';
import { DigestBuildResult, DigestBuildService } from '../src/digests/digest-build.service';
import { parsePastPeriodParams } from '../src/digests/digest-period';
import { Job, JobContext, JobParams, JobSummary } from './job.types';

/**
 * Builds the digest of the period since the previous one and sends it at once; deliveries that
 * fail are retried by deliver-digests. A second run for the same period reports "already built".
 * With `period` and `date` or `from` (never on schedule) it builds past weeks or months instead,
 * the digests an import of old articles makes possible: only when asked.
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

  checkParams(params: JobParams): void {
    parsePastPeriodParams(params);
  }

  async run(context: JobContext): Promise<JobSummary> {
    const past = parsePastPeriodParams(context.params);
    const results = past ? await this.builder.buildPast(past) : [await this.builder.buildDue()];
    const built = past ? { outcome: outcomeOf(results), digests: results.map(digestLine) } : digestLine(results[0]!);
    if (!results.some((r) => r.outcome === 'built')) return built;
    return {
      ...built,
      deliveries: await this.delivery.deliverDue(context.signal),
      interrupted: context.signal.aborted,
    };
  }
}

function digestLine(result: DigestBuildResult) {
  const digest = result.digest;
  return {
    outcome: result.outcome,
    digestId: digest?.id ?? null,
    periodStart: digest?.periodStart.toISOString() ?? null,
    periodEnd: digest?.periodEnd.toISOString() ?? null,
    nothingMoved: digest?.content.nothingMoved ?? null,
  };
}

function outcomeOf(results: DigestBuildResult[]): DigestBuildResult['outcome'] {
  return results.some((r) => r.outcome === 'built') ? 'built' : 'already built';
}
