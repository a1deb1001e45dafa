import { Controller, Get, Headers, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { MetricsService } from './metrics.service';
import { ScrapeAuthorizer } from './scrape-authorizer.service';

/**
 * /metrics on the main port, only when METRICS_TOKEN is set and presented; otherwise it answers
 * as a route that is not there. Left out of the OpenAPI document: it is not part of the public API.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly authorizer: ScrapeAuthorizer,
  ) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const decision = await this.authorizer.decide('main-port', authorization, req.ip);
    if (!decision.allowed) {
      if (decision.retryAfter !== undefined) res.setHeader('Retry-After', String(decision.retryAfter));
      throw decision.error;
    }
    const { contentType, body } = await this.metrics.exposition();
    // Written as is: Express's send() would rewrite the content type the registry chose.
    res.status(200).setHeader('Content-Type', contentType).setHeader('Cache-Control', 'no-store').end(body);
  }
}
