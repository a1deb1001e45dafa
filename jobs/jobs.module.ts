import { Module, Type } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { JobRunRepository } from './job-run.repository';
import { JobRunner } from './job-runner.service';
import { JobScheduler } from './job-scheduler.service';
import { Job, JOBS } from './job.types';
import { JobsController } from './jobs.controller';
import { IngestFeedsJob } from './ingest-feeds.job';
import { RebuildRollupsJob } from './rebuild-rollups.job';
import { BuildDigestJob } from './build-digest.job';
import { DeliverDigestsJob } from './deliver-digests.job';
import { MomentumModule } from '../src/momentum/momentum.module';
import { FeedsModule } from '../src/feeds/feeds.module';
import { DigestsModule } from '../src/digests/digests.module';
import { TaggingModule } from '../src/tagging/tagging.module';
import { RetagJob } from './retag.job';
import { RetrainModelJob } from './retrain-model.job';
import { RetagOnRuleChange } from './retag-on-rule-change.listener';

/**
 * Every job of the service. A job is a thin class in this folder; the modules it needs are
 * imported here so that jobs depend on features and never the other way round.
 */
const JOB_CLASSES: Type<Job>[] = [
  IngestFeedsJob,
  RetagJob,
  RebuildRollupsJob,
  BuildDigestJob,
  DeliverDigestsJob,
  RetrainModelJob,
];
const FEATURE_IMPORTS: Type<unknown>[] = [FeedsModule, TaggingModule, MomentumModule, DigestsModule];

@Module({
  imports: [ScheduleModule.forRoot(), ...FEATURE_IMPORTS],
  controllers: [JobsController],
  providers: [
    ...JOB_CLASSES,
    { provide: JOBS, useFactory: (...jobs: Job[]) => jobs, inject: JOB_CLASSES },
    JobRunRepository,
    JobRunner,
    JobScheduler,
    RetagOnRuleChange,
  ],
  exports: [JobRunner],
})
export class JobsModule {}
