import { Injectable } from '@nestjs/common';
import { MomentumRepository } from '../src/momentum/momentum.repository';
import { Job, JobSummary } from './job.types';

/** Recomputes the daily and weekly rollups from scratch (triggers keep them current otherwise). */
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
