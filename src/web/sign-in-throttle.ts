import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';

const WINDOW_MS = 15 * 60_000;

/**
 * Sign-in attempts per client address (req.ip: the proxy's client with TRUST_PROXY). Every
 * attempt counts, right or wrong, so guessing tokens costs a 15-minute wait after
 * SIGN_IN_ATTEMPTS_PER_15_MINUTES tries. In memory, per instance, like the admin rate limit.
 */
@Injectable()
export class SignInThrottle implements OnApplicationShutdown {
  private readonly storage = new ThrottlerStorageService();

  constructor(@Inject(APP_ENV) private readonly env: AppEnv) {}

  /** Counts one attempt; null when it may proceed, else the seconds to wait. */
  async hit(clientAddress: string): Promise<number | null> {
    const record = await this.storage.increment(
      `sign-in:${clientAddress}`,
      WINDOW_MS,
      this.env.signInAttemptsPer15Minutes,
      WINDOW_MS,
      'sign-in',
    );
    return record.isBlocked ? Math.max(1, record.timeToBlockExpire) : null;
  }

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown();
  }
}
