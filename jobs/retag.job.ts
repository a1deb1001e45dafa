import { Injectable } from '@nestjs/common';
import { TaggingService } from '../src/tagging/tagging.service';
import { Job, JobContext, JobSummary } from './job.types';

/** Re-tags every stored article with the current rules (after a rule change, or on demand). */
@Injectable()
export class RetagJob implements Job {
  readonly name = 'retag';

  constructor(private readonly tagging: TaggingService) {}

  schedule(): null {
    return null;
  }

  async run(context: JobContext): Promise<JobSummary> {
    return { ...(await this.tagging.retagAll(context.signal)), interrupted: context.signal.aborted };
  }
}
