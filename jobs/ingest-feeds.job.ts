import { Injectable } from '@nestjs/common';
import type { AppEnv } from '../src/config/env';
import { IngestionService } from '../src/feeds/ingestion.service';
import { TaggingService } from '../src/tagging/tagging.service';
import { Job, JobContext, JobSummary } from './job.types';

/** Polls every due feed and stores new articles; tagging of new articles follows in the same run. */
@Injectable()
export class IngestFeedsJob implements Job {
  readonly name = 'ingest-feeds';

  constructor(
    private readonly ingestion: IngestionService,
    private readonly tagging: TaggingService,
  ) {}

  schedule(env: AppEnv): string {
    return env.ingestCron;
  }

  async run(context: JobContext): Promise<JobSummary> {
    const ingested = await this.ingestion.ingestDueFeeds(`run-${context.runId}`, context.signal);
    // Tags every untagged article, not only this run's: a run that died before tagging is caught up.
    const tagged = await this.tagging.tagUntagged(context.signal);
    return { ...ingested, ...tagged, interrupted: context.signal.aborted };
  }
}
