import { Inject, Injectable } from '@nestjs/common';
import type { LookupFunction } from 'node:net';
import { AppError } from '../common/app-error';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { FeedError } from './feed-errors';
import { addressPolicy, assertFeedUrlAllowed, createGuardedLookup, resolveWithSystemDns } from './ssrf-guard';

/** What a URL is for, which names the 400 codes: feed_url_blocked, invalid_webhook_url... */
export type GuardedUrlKind = 'feed' | 'webhook';

/**
 * The one URL guard for everything the service fetches or posts to (feeds, webhooks), configured
 * once by FEED_ALLOW_PRIVATE_NETWORKS: http(s) only, and only hosts whose every address is public
 * (ssrf-guard.ts), checked when a URL is stored, again before each attempt, and at connect time
 * by `lookup` so a name rebound to a private address after it was stored is still refused.
 */
@Injectable()
export class UrlGuard {
  readonly lookup: LookupFunction | undefined;
  /** Public addresses plus FEED_ALLOWED_NETWORKS: the policy the feed fetcher applies on every hop too. */
  readonly isAddressAllowed: (address: string) => boolean;

  constructor(@Inject(APP_ENV) private readonly env: AppEnv) {
    this.isAddressAllowed = addressPolicy(env.feedAllowedNetworks);
    this.lookup = env.feedAllowPrivateNetworks ? undefined : createGuardedLookup(undefined, this.isAddressAllowed);
  }

  get allowPrivateNetworks(): boolean {
    return this.env.feedAllowPrivateNetworks;
  }

  /** Before each fetch or post; throws FeedError (the caller records why the attempt failed). */
  assertReachable(raw: string): Promise<URL> {
    return assertFeedUrlAllowed(raw, this.env.feedAllowPrivateNetworks, resolveWithSystemDns, this.isAddressAllowed);
  }

  /**
   * The URL as it will be stored, or a 400 naming why not. A name that does not resolve now
   * (offline, DNS hiccup) is kept: attempts record the error and retry, and every attempt checks again.
   */
  async checkForStorage(raw: string, kind: GuardedUrlKind): Promise<string> {
    const text = raw.trim();
    try {
      return (await this.assertReachable(text)).toString();
    } catch (error) {
      if (error instanceof FeedError && error.code === 'dns-failure') return new URL(text).toString();
      if (error instanceof FeedError) {
        throw AppError.badRequest(
          error.code === 'blocked-address' ? `${kind}_url_blocked` : `invalid_${kind}_url`,
          error.message,
        );
      }
      throw error;
    }
  }
}
