import { Injectable } from '@nestjs/common';
import { MomentumRepository } from '../src/momentum/momentum.repository';
import { Job, JobSummary } from './job.types';

/** Recomputes the daily rollups from scratch (they are kept incrementally by triggers). */
@Injectable()
export class RebuildRollupsJob implements Job {
  readonly name = 'rebuild-rollups';

  constructor(private readonly rollups: MomentumRepository) {}

  schedule(): null {
    return null;
  }

  async run(): Promise<JobSummary> {
    return { ...(await this.rollups.rebuild()) };
  }
}
