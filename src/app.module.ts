import { ReadCacheModule } from './read-cache/read-cache.module';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ClockModule } from './common/clock';
import { ErrorFilter } from './common/error.filter';
import { LogDestination, loggingModule } from './common/logging';
import { ConfigModule } from './config/config.module';
import { AppEnv } from './config/env';
import { AuthModule } from './auth/auth.module';
import { JobsModule } from '../jobs/jobs.module';
import { DatabaseModule } from './database/database.module';
import { EvidenceModule } from './evidence/evidence.module';
import { HealthModule } from './health/health.module';
import { TrendsModule } from './trends/trends.module';
import { FeedsModule } from './feeds/feeds.module';
import { ArticlesModule } from './articles/articles.module';
import { MomentumModule } from './momentum/momentum.module';
import { TaggingModule } from './tagging/tagging.module';
import { DigestsModule } from './digests/digests.module';
import { VerdictsModule } from './verdicts/verdicts.module';
import { ImportsModule } from './imports/imports.module';
import { WebModule } from './web/web.module';
import { MetricsModule } from './metrics/metrics.module';

/** Feature modules, in the order of the flow (Nest resolves imports itself; the order decides route registration). */
const FEATURE_MODULES = [
  HealthModule,
  ReadCacheModule,
  AuthModule,
  TrendsModule,
  ArticlesModule,
  FeedsModule,
  EvidenceModule,
  TaggingModule,
  VerdictsModule,
  MomentumModule,
  DigestsModule,
  ImportsModule,
  JobsModule,
  WebModule,
];

@Module({})
export class AppModule {
  static forRoot(env: AppEnv, databaseUrl: string, logDestination?: LogDestination): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forEnv(env),
        loggingModule(env, logDestination),
        ClockModule,
        // In-process events between features (tagging -> jobs on a rule change).
        EventEmitterModule.forRoot(),
        DatabaseModule.forUrl(databaseUrl),
        MetricsModule,
        ...FEATURE_MODULES,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
