import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ClockModule } from './common/clock';
import { ErrorFilter } from './common/error.filter';
import { loggingModule } from './common/logging';
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
import { ImportsModule } from './imports/imports.module';
import { WebModule } from './web/web.module';

/** Feature modules. Nest resolves imports itself, so the order only decides route registration order. */
const FEATURE_MODULES = [
  HealthModule,
  AuthModule,
  TrendsModule,
  ArticlesModule,
  FeedsModule,
  EvidenceModule,
  TaggingModule,
  MomentumModule,
  DigestsModule,
  ImportsModule,
  JobsModule,
  WebModule,
];

@Module({})
export class AppModule {
  static forRoot(env: AppEnv, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forEnv(env),
        loggingModule(env),
        ClockModule,
        // In-process events between features (tagging -> jobs on a rule change).
        EventEmitterModule.forRoot(),
        DatabaseModule.forUrl(databaseUrl),
        ...FEATURE_MODULES,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
