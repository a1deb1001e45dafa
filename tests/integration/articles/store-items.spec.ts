import { ArticleRepository } from '../../../src/articles/article.repository';
import { CHUNK_ITEMS } from '../../../src/articles/item-batch';
import { PrismaService } from '../../../src/database/prisma.service';
import { prepareFeed } from '../../../src/feeds/feed-preparation';
import { makeItems, rssDocument } from '../../support/generated-feeds';
import { ConnectedTestDatabase, createConnectedTestDatabase } from '../../support/test-database';

/** A feed bigger than one statement's chunk: stored whole, once, and linked across chunks. */
describe('storing a large feed', () => {
  let db: ConnectedTestDatabase;
  let prisma: PrismaService;
  let articles: ArticleRepository;

  beforeAll(async () => {
    db = await createConnectedTestDatabase();
    prisma = new PrismaService(db.url);
    articles = new ArticleRepository(prisma);
  });

  afterAll(async () => {
    await prisma.onModuleDestroy();
    await db.close();
  });

  it('stores every item once over several chunks, links a story repeated across chunks to one article, and stores nothing on a rerun', async () => {
    const [feed] = (
      await db.client.query(
        `INSERT INTO feeds (url, updated_at) VALUES ('https://big.example/feed', now()) RETURNING id`,
      )
    ).rows;
    const items = makeItems(42, CHUNK_ITEMS * 3 + 7);
    // The last item repeats the first one's link under another GUID: it lands in a later chunk.
    items[items.length - 1] = { ...items[items.length - 1]!, link: items[0]!.link };
    const batch = prepareFeed({
      text: rssDocument('Big', items),
      feedLanguage: null,
      baseUrl: 'https://big.example/',
      fetchedAt: new Date(),
    }).batch;
    expect(batch.urlChunks).toHaveLength(4);

    const first = await articles.storeItems(feed.id, batch);
    expect(first.newItems).toBe(items.length);
    expect(first.newArticleIds).toHaveLength(items.length - 1);
    const [counts] = (
      await db.client.query(
        `SELECT (SELECT count(*)::int FROM feed_items WHERE feed_id = $1) AS links,
              (SELECT count(DISTINCT article_id)::int FROM feed_items WHERE feed_id = $1) AS stories,
              (SELECT count(*)::int FROM articles) AS articles`,
        [feed.id],
      )
    ).rows;
    expect(counts).toEqual({ links: items.length, stories: items.length - 1, articles: items.length - 1 });

    const again = await articles.storeItems(feed.id, batch);
    expect(again).toEqual({ newItems: 0, newArticleIds: [], seenElsewhere: 0 });
  });
});
