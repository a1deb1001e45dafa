import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_ENV } from './app-config';
import { AppEnv } from './env';

@Global()
@Module({})
export class ConfigModule {
  static forEnv(env: AppEnv): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_ENV, useValue: env }], exports: [APP_ENV] };
  }
}
