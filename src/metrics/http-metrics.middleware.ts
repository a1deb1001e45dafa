import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';

/** Label for requests no route matched (404s of unknown paths), so scanners cannot add series. */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every request and records it under its route pattern (`/api/trends/:key/momentum`), never
 * the raw URL, so the number of series is bounded by the routes the app has.
 */
export function httpMetricsMiddleware(metrics: MetricsService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      metrics.httpRequest(req.method, routePattern(req), res.statusCode, durationMs);
    });
    next();
  };
}

/**
 * Nest mounts middleware (pino-http among them) on a catch-all route, `/{*path}`: a request no
 * controller matched is left with that route, so a wildcard pattern means "unmatched". The app's
 * own routes have no wildcards.
 */
function routePattern(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string' || path.includes('*')) return UNMATCHED_ROUTE;
  return `${req.baseUrl}${path}`;
}
