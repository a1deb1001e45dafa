import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppError } from './common/app-error';
import { setupOpenApi } from './common/openapi';
import { AppEnv } from './config/env';
import { ReadinessService } from './database/readiness.service';
import { migrate } from './database/migrator';
import { TrendSeeder } from './trends/trend-seeder';
import { DefaultFeedsLoader } from './feeds/default-feeds.loader';

/**
 * Builds the application on a database: migrate, create, seed, mark ready. Used by main.ts and
 * by the end-to-end tests, so both run exactly the same start sequence.
 */
export async function createApp(env: AppEnv, databaseUrl: string): Promise<INestApplication> {
  await migrate(databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, databaseUrl), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('text', { type: ['text/xml', 'application/xml', 'text/x-opml', 'text/plain'], limit: '2mb' });
  app.set('trust proxy', false);
  app.useGlobalPipes(validationPipe());
  setupOpenApi(app);
  await app.get(TrendSeeder).seed();
  app.get(ReadinessService).markReady();
  // Adding the default feeds resolves each host (SSRF check); a slow resolver must not hold up the
  // start. Interrupted, it simply runs again at the next start (present feeds are skipped).
  app
    .get(DefaultFeedsLoader)
    .loadOnce()
    .catch((error: unknown) =>
      app.get(Logger).warn(`default feeds not loaded: ${error instanceof Error ? error.message : String(error)}`),
    );
  return app;
}

/** 400 naming each bad field; unknown fields are refused rather than silently dropped. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = errors.flatMap(function describe(e): string[] {
        const own = Object.values(e.constraints ?? {});
        return [...own, ...(e.children ?? []).flatMap(describe).map((m) => `${e.property}.${m}`)];
      });
      return AppError.badRequest('validation_failed', details.join('; ') || 'invalid request', details);
    },
  });
}
