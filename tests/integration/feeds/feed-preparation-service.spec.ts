import { parseEnv } from '../../../src/config/env';
import { FeedParseError } from '../../../src/feeds/feed-errors';
import { FeedPreparationTask, PreparedFeed } from '../../../src/feeds/feed-preparation';
import { FeedPreparationService } from '../../../src/feeds/feed-preparation.service';
import { decodeCorpusEntry, listCorpusEntries } from '../../support/feed-corpus';
import { itWithCorpus } from '../../support/with-corpus';

type Outcome = { feed: PreparedFeed } | { code: string; message: string };

async function outcome(pool: FeedPreparationService, task: FeedPreparationTask): Promise<Outcome> {
  try {
    return { feed: await pool.prepare(task) };
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    return { code: error.code, message: error.message };
  }
}

/**
 * Documents are prepared on worker threads in the service: what comes back across the thread
 * boundary must be exactly what the main thread would have made, items and errors alike (an
 * error's class and code do not survive structured cloning on their own).
 */
describe('FeedPreparationService', () => {
  const pools = {
    mainThread: new FeedPreparationService(parseEnv({ FEED_PARSE_THREADS: '0' })),
    workers: new FeedPreparationService(parseEnv({ FEED_PARSE_THREADS: '2' })),
  };

  afterAll(async () => {
    await Promise.all(Object.values(pools).map((pool) => pool.onModuleDestroy()));
  });

  itWithCorpus('prepares every corpus file on worker threads exactly as on the main thread', async () => {
    const fetchedAt = new Date('2026-11-29T12:00:00Z');
    let items = 0;
    let errors = 0;
    for (const entry of listCorpusEntries()) {
      const task = {
        text: decodeCorpusEntry(entry),
        feedLanguage: 'en',
        baseUrl: 'https://feeds.example/feed.xml',
        fetchedAt,
      };
      const [onMain, onWorker] = await Promise.all([outcome(pools.mainThread, task), outcome(pools.workers, task)]);
      expect({ path: entry.path, outcome: onWorker }).toEqual({ path: entry.path, outcome: onMain });
      if ('feed' in onWorker) items += onWorker.feed.batch.urlItemCount + onWorker.feed.batch.withoutUrl.length;
      else errors += 1;
    }
    // The comparison means something only if both kinds of outcome occurred, many times.
    expect(items).toBeGreaterThan(2000);
    expect(errors).toBeGreaterThan(5);
  });

  it('rejects a document that is not a feed with a FeedParseError carrying its code', async () => {
    const task = {
      text: '<html><body>hello</body></html>',
      feedLanguage: null,
      baseUrl: 'https://x.example/',
      fetchedAt: new Date(),
    };
    await expect(pools.workers.prepare(task)).rejects.toMatchObject({ name: 'FeedError', code: 'not-a-feed' });
    await expect(pools.workers.prepare(task)).rejects.toBeInstanceOf(FeedParseError);
  });
});
