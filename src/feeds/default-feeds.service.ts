import { Inject, Injectable, Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { FeedRepository } from './feed.repository';
import { FeedService } from './feed.service';

/**
 * Loads the shipped OPML once per database (recorded as a job run, so deleting every feed
 * later does not bring them back), unless LOAD_DEFAULT_FEEDS=false. The SSRF guard applies:
 * add-time DNS failures on a machine without internet refuse a feed, which the report lists.
 */
@Injectable()
export class DefaultFeedsService {
  private readonly logger = new Logger(DefaultFeedsService.name);

  constructor(
    private readonly feeds: FeedService,
    private readonly repository: FeedRepository,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  async loadOnce(): Promise<void> {
    if (!this.env.loadDefaultFeeds) return;
    if (await this.repository.defaultFeedsLoaded()) return;
    const opml = readFileSync(join(projectRoot(), 'prisma', 'seed', 'default-feeds.opml'), 'utf8');
    const report = await this.feeds.importOpml(opml);
    const summary = { added: report.added.length, skipped: report.skipped.length, refused: report.refused };
    await this.repository.markDefaultFeedsLoaded(summary);
    this.logger.log(`default feeds: ${report.added.length} added, ${report.refused.length} refused`);
  }
}
