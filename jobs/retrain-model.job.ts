import { Injectable } from '@nestjs/common';
import type { AppEnv } from '../src/config/env';
import { ModelService } from '../src/tagging/model.service';
import { Job, JobSummary } from './job.types';

/**
 * Retrains the evidence model on the shipped labelled sets plus every reviewer decision, when at
 * least MODEL_RETRAIN_MIN_DECISIONS decisions are newer than the current model; a new version.
 */
@Injectable()
export class RetrainModelJob implements Job {
  readonly name = 'retrain-model';

  constructor(private readonly models: ModelService) {}

  schedule(env: AppEnv): string | null {
    return env.modelEnabled ? env.modelRetrainCron : null;
  }

  async run(): Promise<JobSummary> {
    return { ...(await this.models.retrain()) };
  }
}
