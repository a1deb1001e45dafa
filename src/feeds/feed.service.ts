import { Inject, Injectable } from '@nestjs/common';
import { AppError, foundOr404 } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import type { Feed } from '../generated/prisma/client';
import { MetricsService } from '../metrics/metrics.service';
import { fetchFeed, FetchResult } from './feed-fetcher';
import { FeedRemoval, FeedRepository, FeedWithCounts } from './feed.repository';
import { UrlGuard } from './url-guard';
import { OpmlError, OpmlFeed, parseOpmlFeeds, renderOpml } from './opml';

export interface ImportReport {
  added: FeedWithCounts[];
  skipped: { url: string; reason: string }[];
  refused: { url: string; reason: string }[];
}

@Injectable()
export class FeedService {
  constructor(
    private readonly feeds: FeedRepository,
    private readonly urlGuard: UrlGuard,
    private readonly clock: Clock,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Fetches a feed document (polling and imports) with the environment's caps and timeouts and the
   * URL guard's address policy on every hop; never throws (feed-fetcher.ts). Counted in the metrics.
   */
  async fetch(
    url: string,
    validators: { etag?: string | null; lastModified?: string | null; unconditional: boolean },
    signal?: AbortSignal,
  ): Promise<FetchResult> {
    const started = performance.now();
    const result = await fetchFeed(
      url,
      {
        etag: validators.etag ?? undefined,
        lastModified: validators.lastModified ?? undefined,
        unconditional: validators.unconditional,
        allowPrivateNetworks: this.urlGuard.allowPrivateNetworks,
        isAddressAllowed: this.urlGuard.isAddressAllowed,
        totalTimeoutMs: this.env.fetchTimeoutMs,
        connectTimeoutMs: Math.min(10_000, this.env.fetchTimeoutMs),
        maxBytes: this.env.maxFeedBytes,
      },
      signal,
    );
    const bytes = result.kind === 'ok' ? result.fetchedBytes : 0;
    const code = result.kind === 'error' ? result.code : undefined;
    this.metrics.feedFetched(result.kind, code, performance.now() - started, bytes);
    return result;
  }

  /** Adds a feed after the URL and SSRF checks; 400 with the reason, 409 when already present. */
  async add(input: { url: string; title?: string; language?: string }): Promise<FeedWithCounts> {
    const url = await this.urlGuard.checkForStorage(input.url, 'feed');
    if (await this.feeds.findByUrl(url))
      throw AppError.conflict('feed_exists', `a feed with URL ${url} already exists`);
    const feed = await this.feeds.create({ url, title: input.title ?? null, language: input.language ?? null });
    return this.feeds.withCounts(feed);
  }

  async get(id: number): Promise<FeedWithCounts> {
    return this.feeds.withCounts(await this.require(id));
  }

  list(afterId: number | undefined, limit: number): Promise<FeedWithCounts[]> {
    return this.feeds.list({ afterId, limit });
  }

  async update(id: number, patch: { title?: string; language?: string; paused?: boolean }): Promise<FeedWithCounts> {
    await this.require(id);
    // Resuming makes the feed due now rather than at a back-off time chosen while it failed.
    const resume = patch.paused === false ? { nextCheckAt: this.clock.now() } : {};
    return this.feeds.withCounts(await this.feeds.update(id, { ...patch, ...resume }));
  }

  async remove(id: number, removeArticles: boolean): Promise<FeedRemoval> {
    await this.require(id);
    return this.feeds.delete(id, removeArticles);
  }

  async importOpml(text: string): Promise<ImportReport> {
    let entries: OpmlFeed[];
    try {
      entries = parseOpmlFeeds(text);
    } catch (error) {
      throw AppError.badRequest((error as OpmlError).code, (error as OpmlError).message);
    }
    const report: ImportReport = { added: [], skipped: [], refused: [] };
    for (const entry of entries) await this.importOne(entry, report);
    return report;
  }

  async exportOpml(): Promise<string> {
    return renderOpml(await this.feeds.allForExport(), 'Trend scorecard feeds', this.clock.now());
  }

  private async importOne(entry: OpmlFeed, report: ImportReport): Promise<void> {
    try {
      report.added.push(await this.add(entry));
    } catch (error) {
      if (error instanceof AppError && error.kind === 'conflict') {
        report.skipped.push({ url: entry.url, reason: 'already present' });
      } else if (error instanceof AppError) {
        report.refused.push({ url: entry.url, reason: error.message });
      } else {
        throw error;
      }
    }
  }

  private async require(id: number): Promise<Feed> {
    const feed = foundOr404(await this.feeds.findById(id), 'feed', id);
    return feed;
  }
}
