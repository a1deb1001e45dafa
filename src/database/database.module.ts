import { DynamicModule, Global, Module } from '@nestjs/common';
import { DATABASE_URL } from './database.types';
import { InstanceLiveness } from './instance-liveness';
import { PrismaService } from './prisma.service';
import { TerminusModule } from '@nestjs/terminus';
import { ReadinessService } from './readiness.service';

@Global()
@Module({})
export class DatabaseModule {
  static forUrl(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      // HealthIndicatorService, which ReadinessService builds its results with.
      imports: [TerminusModule],
      providers: [{ provide: DATABASE_URL, useValue: databaseUrl }, PrismaService, ReadinessService, InstanceLiveness],
      exports: [PrismaService, ReadinessService, DATABASE_URL, InstanceLiveness],
    };
  }
}
