import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { extname, join } from 'node:path';
import Piscina from 'piscina';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import {
  FeedPreparationOutcome,
  FeedPreparationTask,
  PreparedFeed,
  prepareFeed,
  unwrapFeedOutcome,
} from './feed-preparation';

/** Built code runs the compiled worker; from TypeScript sources a shim compiles it first. */
const WORKER_FILE = join(
  __dirname,
  extname(__filename) === '.ts' ? 'feed-preparation.worker.dev.js' : 'feed-preparation.worker.js',
);

/**
 * Prepares fetched feed documents (parse, normalise, batch) on worker threads, so the main
 * thread's event loop keeps fetching, storing and answering requests while documents are parsed.
 * With FEED_PARSE_THREADS=0 documents are prepared on the main thread.
 *
 * The threads start with the first document, not with the app: most processes (tests, CLI jobs
 * other than ingestion) never parse a feed.
 */
@Injectable()
export class FeedPreparationService implements OnModuleDestroy {
  private pool: Piscina<FeedPreparationTask, FeedPreparationOutcome> | null = null;
  private closed = false;

  constructor(@Inject(APP_ENV) private readonly env: AppEnv) {}

  async prepare(task: FeedPreparationTask): Promise<PreparedFeed> {
    // After close (a job still running past its shutdown grace) on the main thread: no new threads.
    if (this.env.feedParseThreads === 0 || this.closed) return prepareFeed(task);
    return unwrapFeedOutcome(await this.threads().run(task));
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.pool?.destroy();
  }

  private threads(): Piscina<FeedPreparationTask, FeedPreparationOutcome> {
    this.pool ??= new Piscina({
      filename: WORKER_FILE,
      minThreads: this.env.feedParseThreads,
      maxThreads: this.env.feedParseThreads,
    });
    return this.pool;
  }
}
