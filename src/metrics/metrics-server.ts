import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { assignRequestId } from '../common/request-id';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { toErrorResponse } from '../common/error.filter';
import { MetricsService } from './metrics.service';
import { METRICS_OFF_MESSAGE, ScrapeAuthorizer } from './scrape-authorizer.service';

/**
 * The separate /metrics listener (METRICS_HOST:METRICS_PORT, loopback by default), so Prometheus
 * can scrape without the endpoint being on the public port. A port already taken is logged and
 * the service goes on without it: monitoring must not be the reason the API is down.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | null = null;

  constructor(
    private readonly metrics: MetricsService,
    private readonly authorizer: ScrapeAuthorizer,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  /** The bound port, or null when there is no listener (disabled, off, or it could not bind). */
  port(): number | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { enabled, port, host } = this.env.metrics;
    if (!enabled || port === null) return;
    const server = createServer((req, res) => void this.handle(req, res));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      this.server = server;
      this.logger.log(`metrics on http://${host}:${this.port()}/metrics`);
    } catch (error) {
      this.logger.error(`metrics listener not started on ${host}:${port} (METRICS_PORT): ${(error as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = assignRequestId(req, res);
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics')
      return sendError(res, 404, 'not_found', METRICS_OFF_MESSAGE, requestId);
    const decision = await this.authorizer.decide('metrics-port', req.headers.authorization, req.socket.remoteAddress);
    if (!decision.allowed) {
      if (decision.retryAfter !== undefined) res.setHeader('Retry-After', String(decision.retryAfter));
      const { status, body } = toErrorResponse(decision.error);
      return sendError(res, status, body.error.code, body.error.message, requestId);
    }
    try {
      const { contentType, body } = await this.metrics.exposition();
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
    } catch (error) {
      this.logger.error(`metrics exposition failed: ${(error as Error).stack}`);
      sendError(res, 500, 'internal_error', 'internal error', requestId);
    }
  }
}

function sendError(res: ServerResponse, status: number, code: string, message: string, requestId: string): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify({ error: { code, message, requestId } }));
}
