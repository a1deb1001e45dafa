import { Injectable } from '@nestjs/common';
import type { AppEnv } from '../src/config/env';
import { IngestionService } from '../src/feeds/ingestion.service';
import { JobRunner } from './job-runner.service';
import { Job, JobContext, JobSummary } from './job.types';

/** Polls every due feed and stores new articles; tagging of new articles follows in the same run. */
@Injectable()
export class IngestFeedsJob implements Job {
  readonly name = 'ingest-feeds';

  constructor(private readonly ingestion: IngestionService) {}

  schedule(env: AppEnv): string {
    return env.ingestCron;
  }

  async run(context: JobContext): Promise<JobSummary> {
    const summary = await this.ingestion.ingestDueFeeds(`run-${context.runId}`, context.signal);
    return { ...summary };
  }
}

