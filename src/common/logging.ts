import { LoggerModule } from 'nestjs-pino';
import type { AppEnv } from '../config/env';

/** One JSON line per event in production; pretty, readable lines in development. */
export function loggingModule(env: AppEnv) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: env.logLevel,
      transport: env.nodeEnv === 'development' ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
      // Tokens must never reach the logs.
      // Cookies carry the review desk's session and CSRF secrets, both ways.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    },
  });
}
