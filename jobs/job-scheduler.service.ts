import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_ENV } from '../src/config/app-config';
import type { AppEnv } from '../src/config/env';
import { JobRunner } from './job-runner.service';
import { Clock } from '../src/common/clock';

/** Registers every job that has a schedule with @nestjs/schedule's registry, crons from config. */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobScheduler.name);

  constructor(
    private readonly runner: JobRunner,
    private readonly registry: SchedulerRegistry,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.schedulerEnabled) return;
    for (const { name, cron } of this.runner.schedules(this.env)) {
      if (!cron) continue;
      const job = CronJob.from({
        cronTime: cron,
        timeZone: 'UTC',
        onTick: () => this.tick(name),
      });
      this.registry.addCronJob(name, job);
      job.start();
      this.logger.log(`scheduled ${name} at "${cron}" (UTC)`);
    }
  }

  private tick(name: string): void {
    this.runner
      .runScheduled(name, this.clock.now())
      .catch((error) => this.logger.error(`scheduled ${name} could not start: ${error}`));
  }
}
