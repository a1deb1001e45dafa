import { Injectable } from '@nestjs/common';
import type { AppEnv } from '../src/config/env';
import { IngestionService } from '../src/feeds/ingestion.service';
import { TaggingService } from '../src/tagging/tagging.service';
import { Job, JobContext, JobSummary } from './job.types';
import { TagWhileFetching } from './tag-while-fetching';

/** Polls every due feed and stores new articles; new articles are tagged in the same run, while fetching goes on. */
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
    // Tagging overlaps fetching; it covers every untagged article, not only this run's, so a run
    // that died before tagging is caught up.
    const tagger = new TagWhileFetching(this.tagging, context.signal);
    let ingested;
    try {
      ingested = await this.ingestion.ingestDueFeeds(`run-${context.runId}`, context.signal, (outcome) => {
        if (outcome.newArticles > 0) tagger.nudge();
      });
    } catch (error) {
      await tagger.finish().catch(() => undefined); // no tagging pass may outlive its run
      throw error;
    }
    const tagged = await tagger.finish();
    return { ...ingested, ...tagged, interrupted: context.signal.aborted };
  }
}
