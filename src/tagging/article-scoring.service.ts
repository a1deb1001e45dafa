import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { extname, join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import Piscina from 'piscina';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { ArticleToScore, ScoredArticle, scoreArticle, ScoringSetup } from './article-scoring';
import type { ScoringTask } from './article-scoring.worker';
import type { CompiledMatcher } from './matcher';

const WORKER_FILE = join(
  __dirname,
  extname(__filename) === '.ts' ? 'article-scoring.worker.dev.js' : 'article-scoring.worker.js',
);

/**
 * On the main thread, matching and scoring give the event loop a turn every 64 articles (~4 ms),
 * so requests and database replies are not held up for a whole batch.
 */
const YIELD_EVERY = 64;
const SCORING_OLD_SPACE_MB = 64;
const SCORING_YOUNG_SPACE_MB = 8;

/**
 * Scores articles (rule matches and the model's assessment) on TAGGING_THREADS worker threads.
 * On the main thread, tagging's CPU delayed every database reply the process was waiting for: an
 * import's store statements took 40 ms instead of 29 (README, issue 16), a server's requests waited
 * behind it. With TAGGING_THREADS=0 articles are scored on the main thread. The threads start with
 * the first batch.
 */
@Injectable()
export class ArticleScoringService implements OnModuleDestroy {
  private pool: Piscina<ScoringTask, ScoredArticle[]> | null = null;
  private closed = false;

  constructor(@Inject(APP_ENV) private readonly env: AppEnv) {}

  /** `matcher` is `setup.ruleSets` compiled (MatcherService's): used when scoring here. */
  async score(setup: ScoringSetup, matcher: CompiledMatcher, articles: ArticleToScore[]): Promise<ScoredArticle[]> {
    if (this.env.taggingThreads > 0 && !this.closed) return this.threads().run({ setup, articles });
    const known = new Set(setup.trendSlugs);
    const scored: ScoredArticle[] = [];
    for (const [n, article] of articles.entries()) {
      if (n > 0 && n % YIELD_EVERY === 0) await setImmediate();
      scored.push(scoreArticle(matcher, setup, known, article));
    }
    return scored;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.pool?.destroy();
  }

  private threads(): Piscina<ScoringTask, ScoredArticle[]> {
    this.pool ??= new Piscina({
      filename: WORKER_FILE,
      minThreads: this.env.taggingThreads,
      maxThreads: this.env.taggingThreads,
      // A task holds 1,000 articles' text and their scores (a few MB): a small heap, collected
      // often, keeps the thread from adding to an import's memory what V8 would let it grow to.
      resourceLimits: {
        maxOldGenerationSizeMb: SCORING_OLD_SPACE_MB,
        maxYoungGenerationSizeMb: SCORING_YOUNG_SPACE_MB,
      },
    });
    return this.pool;
  }
}
