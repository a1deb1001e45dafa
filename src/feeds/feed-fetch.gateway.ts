import { Inject, Injectable } from '@nestjs/common';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { fetchFeed, FetchResult } from './feed-fetcher';
import { addressPolicy } from './ssrf-guard';

/** The network side of ingestion, configured once from the environment. */
@Injectable()
export class FeedFetchGateway {
  private readonly isAddressAllowed: (address: string) => boolean;

  constructor(@Inject(APP_ENV) private readonly env: AppEnv) {
    this.isAddressAllowed = addressPolicy(env.feedAllowedNetworks);
  }

  fetch(
    url: string,
    validators: { etag?: string | null; lastModified?: string | null; unconditional: boolean },
    signal?: AbortSignal,
  ): Promise<FetchResult> {
    return fetchFeed(
      url,
      {
        etag: validators.etag ?? undefined,
        lastModified: validators.lastModified ?? undefined,
        unconditional: validators.unconditional,
        allowPrivateNetworks: this.env.feedAllowPrivateNetworks,
        isAddressAllowed: this.isAddressAllowed,
        totalTimeoutMs: this.env.fetchTimeoutMs,
        connectTimeoutMs: Math.min(10_000, this.env.fetchTimeoutMs),
        maxBytes: this.env.maxFeedBytes,
      },
      signal,
    );
  }
}
