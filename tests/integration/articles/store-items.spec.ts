import { ArticleRepository } from '../../../src/articles/article.repository';
import { CHUNK_ITEMS, toItemBatchKeepingItems } from '../../../src/articles/item-batch';
import { PrismaService } from '../../../src/database/prisma.service';
import { parseAndNormalise } from '../../../src/feeds/feed-preparation';
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
    const { batch, items: stored } = toItemBatchKeepingItems(
      parseAndNormalise({
        text: rssDocument('Big', items),
        feedLanguage: null,
        baseUrl: 'https://big.example/',
        fetchedAt: new Date(),
      }).items,
    );
    expect(batch.urlChunks).toHaveLength(4);

    const first = await articles.storeItems(feed.id, batch);
    expect(first.newItems).toBe(items.length);
    expect(first.newArticles).toHaveLength(items.length - 1);
    // Each new article names the item it was made from (an import tags it from that item's text).
    const { rows } = await db.client.query(`SELECT id, normalized_url AS url, title FROM articles ORDER BY id`);
    expect(first.newArticles.map(({ id }) => id)).toEqual(rows.map((r) => r.id));
    expect(
      first.newArticles.map(({ item }) => ({ url: stored[item]!.normalizedUrl, title: stored[item]!.title })),
    ).toEqual(rows.map((r) => ({ url: r.url, title: r.title })));
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
    expect(again).toEqual({ newItems: 0, newArticles: [], seenElsewhere: 0 });
  });

  it('names, for a story told twice in one statement, the item it was stored from', async () => {
    const [feed] = (
      await db.client.query(
        `INSERT INTO feeds (url, updated_at) VALUES ('https://twice.example/feed', now()) RETURNING id`,
      )
    ).rows;
    const items = makeItems(7, 5);
    // Item 3 is item 1's story under another GUID and title: one article, made from one of them.
    items[3] = { ...items[3]!, link: items[1]!.link, title: 'The same story, retold' };
    const { batch, items: stored } = toItemBatchKeepingItems(
      parseAndNormalise({
        text: rssDocument('Twice', items),
        feedLanguage: null,
        baseUrl: 'https://twice.example/',
        fetchedAt: new Date(),
      }).items,
    );
    const result = await articles.storeItems(feed.id, batch);
    expect(result.newItems).toBe(5);
    expect(result.newArticles).toHaveLength(4);
    const { rows } = await db.client.query(
      `SELECT a.id, a.title FROM articles a WHERE a.id IN (SELECT article_id FROM feed_items WHERE feed_id = $1) ORDER BY a.id`,
      [feed.id],
    );
    expect(result.newArticles.map(({ id, item }) => ({ id, title: stored[item]!.title }))).toEqual(rows);
  });
});
