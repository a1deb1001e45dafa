import { DynamicModule, Global, Module } from '@nestjs/common';
import { DATABASE_URL } from './database.tokens';
import { InstanceLiveness } from './instance-liveness';
import { PrismaService } from './prisma.service';
import { ReadinessState } from './readiness.state';

@Global()
@Module({})
export class DatabaseModule {
  static forUrl(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_URL, useValue: databaseUrl }, PrismaService, ReadinessState, InstanceLiveness],
      exports: [PrismaService, ReadinessState, DATABASE_URL, InstanceLiveness],
    };
  }
}
