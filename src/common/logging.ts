import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { AppEnv } from '../config/env';
import { assignRequestId } from './request-id';

/** Where log lines go instead of stdout (tests read what the logger wrote). */
export type LogDestination = DestinationStream;

/** One JSON line per event in production; pretty, readable lines in development. */
export function loggingModule(env: AppEnv, destination?: LogDestination) {
  const options: Options = {
    level: env.logLevel,
    transport: env.nodeEnv === 'development' ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    // Tokens must never reach the logs.
    // Cookies carry the review desk's session and CSRF secrets, both ways.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    // The id requestIdMiddleware gave the request (or the caller's X-Request-Id): on every line.
    genReqId: assignRequestId,
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
  };
  return LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options });
}
