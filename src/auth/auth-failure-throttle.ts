import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import * as ipaddr from 'ipaddr.js';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { AppError } from '../common/app-error';

const WINDOW_MS = 60_000;
const THROTTLER_NAME = 'auth-failures';

/**
 * Token guessing, throttled per client address: after AUTH_FAILURES_PER_MINUTE unknown tokens in
 * a minute, the address is refused (429) for a minute before its token is even looked up, so a
 * guesser costs no database work and gets 10 tries a minute instead of ~850 a second. IPv6
 * clients are counted per /64, which one host usually holds whole. In-memory and per instance,
 * like @nestjs/throttler's storage it uses.
 */
@Injectable()
export class AuthFailureThrottle implements OnApplicationShutdown {
  private readonly storage = new ThrottlerStorageService();

  constructor(@Inject(APP_ENV) private readonly env: AppEnv) {}

  /** Seconds this address must still wait, or null when it may try a token. */
  blockedFor(address: string | undefined): number | null {
    const record = this.storage.storage.get(clientKey(address));
    const left = record?.isBlocked ? record.blockExpiresAt - Date.now() : 0;
    return left > 0 ? Math.ceil(left / 1000) : null;
  }

  /** Counts one unknown token; answers the seconds to wait when this failure used up the allowance. */
  async recordFailure(address: string | undefined): Promise<number | null> {
    const limit = this.env.authFailuresPerMinute;
    const record = await this.storage.increment(clientKey(address), WINDOW_MS, limit, WINDOW_MS, THROTTLER_NAME);
    return record.isBlocked ? Math.max(1, record.timeToBlockExpire) : null;
  }

  /** The refusal for an address that used up its allowance (the caller sets Retry-After). */
  refusal(retryAfter: number): AppError {
    return new AppError(
      'rate_limited',
      'rate_limited',
      `more than ${this.env.authFailuresPerMinute} unknown tokens per minute from this address; retry in ${retryAfter} s`,
    );
  }

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown();
  }
}

/** One key per IPv4 address or IPv6 /64 (IPv4-mapped IPv6 counts as the IPv4 address). */
export function clientKey(address: string | undefined): string {
  if (!address || !ipaddr.isValid(address)) return `addr:${address ?? 'unknown'}`;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return `ipv4:${parsed.toString()}`;
  return `ipv6:${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toString()}`;
}
