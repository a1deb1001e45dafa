import { Injectable } from '@nestjs/common';
import { DeliveryService } from '../src/digests/delivery.service';
import { Job, JobContext, JobSummary } from './job.types';

/**
 * Every five minutes: sends deliveries that are due (retries with backoff). The retry schedule
 * in src/digests/delivery-policy.ts is counted in multiples of this interval.
 */
const DELIVER_DIGESTS_CRON = '*/5 * * * *';

@Injectable()
export class DeliverDigestsJob implements Job {
  readonly name = 'deliver-digests';

  constructor(private readonly delivery: DeliveryService) {}

  schedule(): string {
    return DELIVER_DIGESTS_CRON;
  }

  async run(context: JobContext): Promise<JobSummary> {
    return { ...(await this.delivery.deliverDue(context.signal)), interrupted: context.signal.aborted };
  }
}
