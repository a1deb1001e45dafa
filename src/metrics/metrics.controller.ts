import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppError } from '../common/app-error';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { MetricsService } from './metrics.service';
import { scrapeAccess } from './scrape-access';

/** Why /metrics is not served: one message for the main port and the metrics listener. */
export const METRICS_OFF_MESSAGE =
  'metrics are not served here: see METRICS_ENABLED, METRICS_PORT and METRICS_TOKEN in the README';
export const METRICS_TOKEN_MESSAGE = 'metrics need Authorization: Bearer <METRICS_TOKEN>';

/**
 * /metrics on the main port, only when METRICS_TOKEN is set and presented; otherwise it answers
 * as a route that is not there. Left out of the OpenAPI document: it is not part of the public API.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const access = scrapeAccess(this.env.metrics, 'main-port', authorization);
    if (access === 'off') throw new AppError('not_found', 'not_found', METRICS_OFF_MESSAGE);
    if (access === 'token-required') throw new AppError('unauthenticated', 'unauthorized', METRICS_TOKEN_MESSAGE);
    const { contentType, body } = await this.metrics.exposition();
    // Written as is: Express's send() would rewrite the content type the registry chose.
    res.status(200).setHeader('Content-Type', contentType).setHeader('Cache-Control', 'no-store').end(body);
  }
}
