import { ArgumentMetadata, INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppError } from './common/app-error';
import { requestIdMiddleware } from './common/request-id';
import { LogDestination } from './common/logging';
import { setupOpenApi } from './common/openapi';
import { refuseNulInUrl, refuseUnusableBody } from './common/request-hygiene';
import { noStoreOnAdmin, securityHeaders } from './common/security-headers';
import { AppEnv } from './config/env';
import { ReadinessService } from './database/readiness.service';
import { migrate } from './database/migrator';
import { TrendSeeder } from './trends/trend-seeder';
import { DefaultFeedsService } from './feeds/default-feeds.service';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsService } from './metrics/metrics.service';

/** Bodies larger than this answer 413: the largest we take is a rule set (~100 KB) or an OPML file. */
const JSON_BODY_LIMIT = '1mb';
const TEXT_BODY_LIMIT = '2mb';

/**
 * Builds the application on a database: migrate, create, seed, mark ready. Used by main.ts and
 * by the end-to-end tests, so both run exactly the same start sequence.
 */
export async function createApp(
  env: AppEnv,
  databaseUrl: string,
  options: { logDestination?: LogDestination } = {},
): Promise<INestApplication> {
  await migrate(databaseUrl);
  const module = AppModule.forRoot(env, databaseUrl, options.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // First, so every request (even one refused before routing) has its id and is measured.
  app.use(requestIdMiddleware);
  if (env.metrics.enabled) app.use(httpMetricsMiddleware(app.get(MetricsService)));
  app.use(securityHeaders());
  app.use(noStoreOnAdmin);
  app.use(refuseNulInUrl);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useBodyParser('text', {
    type: ['text/xml', 'application/xml', 'text/x-opml', 'text/plain'],
    limit: TEXT_BODY_LIMIT,
  });
  // The web pages' forms (review desk); small bodies only.
  app.useBodyParser('urlencoded', { extended: false, limit: '64kb' });
  app.use(refuseUnusableBody);
  // Behind a TLS-terminating proxy (TRUST_PROXY=true), req.secure and req.ip come from X-Forwarded-*.
  app.set('trust proxy', env.trustProxy);
  app.useGlobalPipes(validationPipe());
  setupOpenApi(app);
  await app.get(TrendSeeder).seed();
  app.get(ReadinessService).markReady();
  // Adding the default feeds resolves each host (SSRF check); a slow resolver must not hold up the
  // start. Interrupted, it simply runs again at the next start (present feeds are skipped).
  app
    .get(DefaultFeedsService)
    .loadOnce()
    .catch((error: unknown) =>
      app.get(Logger).warn(`default feeds not loaded: ${error instanceof Error ? error.message : String(error)}`),
    );
  return app;
}

/**
 * Path parameters reach their own pipes (IdPipe) as the client wrote them: the stock pipe would
 * turn "1e3" into 1000 and " 7" into 7 before the id rule could refuse them.
 */
class AppValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

/** 400 naming each bad field; unknown fields are refused rather than silently dropped. */
export function validationPipe(): ValidationPipe {
  return new AppValidationPipe({
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
