import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsServer } from './metrics-server';
import { MetricsService } from './metrics.service';
import { ScrapeAuthorizer } from './scrape-authorizer.service';

/** Global: any feature injects MetricsService where its events happen, without importing this module. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, MetricsServer, ScrapeAuthorizer],
  exports: [MetricsService],
})
export class MetricsModule {}
