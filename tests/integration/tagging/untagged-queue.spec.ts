import { TaggingService } from '../../../src/tagging/tagging.service';
import { sql } from '../../support/sql';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * Articles waiting for tagging are rows of untagged_articles, put there by a trigger on every
 * insert into articles (whatever writes it) and taken off once tagged; deleting an article takes
 * its row with it.
 */
describe('the untagged-articles queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const q = (text: string) => sql(t.db.url, text);
  const queued = async () => (await q('SELECT article_id FROM untagged_articles ORDER BY 1')).map((r) => r.article_id);

  it('queues every article inserted, by any statement, and empties as tagging runs', async () => {
    const inserted = await q(`INSERT INTO articles (url, normalized_url, title, published_at)
      SELECT 'https://q.example/' || g, 'https://q.example/' || g,
             CASE WHEN g = 1 THEN 'xAI expands its Colossus supercomputer to 200,000 GPUs' ELSE 'Harbour festival ' || g END,
             now() - g * interval '1 day'
      FROM generate_series(1, 5) g RETURNING id`);
    await q(`INSERT INTO articles (title, published_at) VALUES ('No link at all', now())`);
    expect(await queued()).toHaveLength(6);
    expect(await queued()).toEqual(expect.arrayContaining(inserted.map((r) => r.id)));

    const summary = await t.app.get(TaggingService).tagUntagged();
    expect(summary.articlesTagged).toBe(6);
    expect(summary.evidenceNew).toBeGreaterThanOrEqual(1);
    expect(await queued()).toEqual([]);
    // Nothing left: a second run tags nothing.
    expect((await t.app.get(TaggingService).tagUntagged()).articlesTagged).toBe(0);
  });

  it('loses the queue row with its article', async () => {
    const [row] = await q(
      `INSERT INTO articles (title, published_at) VALUES ('Deleted before tagging', now()) RETURNING id`,
    );
    expect(await queued()).toEqual([row.id]);
    await q(`DELETE FROM articles WHERE id = ${Number(row.id)}`);
    expect(await queued()).toEqual([]);
  });
});
