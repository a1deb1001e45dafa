import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import type { Principal } from './roles';

const WINDOW_MS = 60_000;
const THROTTLER_NAME = 'admin';

/**
 * Per-token sliding-window limit on admin routes. It is keyed by the authenticated principal
 * (not the client address) so one runaway script cannot starve other reviewers behind the same
 * proxy, and so it runs after AdminGuard has resolved who is calling. The counters live in
 * @nestjs/throttler's in-memory storage: per instance, which is enough to stop a runaway client.
 */
@Injectable()
export class AdminRateLimiter implements OnApplicationShutdown {
  private readonly storage = new ThrottlerStorageService();

  constructor(@Inject(APP_ENV) private readonly env: AppEnv) {}

  /** Counts one request; answers null when it may proceed, else the seconds to wait. */
  async hit(principal: Principal): Promise<number | null> {
    const key = principal.tokenId === null ? 'env:ADMIN_TOKEN' : `token:${principal.tokenId}`;
    const record = await this.storage.increment(key, WINDOW_MS, this.env.adminRateLimitPerMinute, 0, THROTTLER_NAME);
    return record.isBlocked ? Math.max(1, record.timeToBlockExpire) : null;
  }

  get limitPerMinute(): number {
    return this.env.adminRateLimitPerMinute;
  }

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown();
  }
}
