import type { Client } from 'pg';
import { STORE_LINKED_ITEMS } from '../../../src/articles/article-store.sql';
import { ConnectedTestDatabase, createConnectedTestDatabase } from '../../support/test-database';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function scans(node: PlanNode): string[] {
  const own = node['Relation Name'] ? [`${node['Node Type']} on ${node['Relation Name']}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}

/**
 * Storing a feed's items finds known items and known stories by key. Those must be index probes,
 * in a custom plan and in a generic one alike: a scan of articles or feed_items would cost every
 * feed time in proportion to the table.
 */
describe('the store statement plan', () => {
  let db: ConnectedTestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createConnectedTestDatabase();
    client = db.client;
  });

  afterAll(() => db.close());

  it('reads articles and feed_items only through their indexes', async () => {
    const [feed] = (
      await client.query(`INSERT INTO feeds (url, updated_at) VALUES ('https://feeds.example/a', now()) RETURNING id`)
    ).rows;
    await client.query(`INSERT INTO articles (url, normalized_url, title, published_at)
                        SELECT 'https://a.example/' || n, 'https://a.example/' || n, 't', now() FROM generate_series(1, 20000) n`);
    await client.query(
      `INSERT INTO feed_items (feed_id, guid_hash, article_id) SELECT $1, 'g' || id, id FROM articles`,
      [feed.id],
    );
    await client.query(`ANALYZE articles; ANALYZE feed_items`);
    const items = JSON.stringify([
      {
        ord: 0,
        hash: 'h',
        url: 'https://a.example/1',
        nurl: 'https://a.example/1',
        title: 't',
        summary: '',
        author: null,
        lang: null,
        pub: '2026-11-01T00:00:00Z',
      },
    ]);
    await client.query(`PREPARE store(int, json, text[], int) AS ${STORE_LINKED_ITEMS}`);
    const relationScans = async () => {
      const { rows } = await client.query(
        `EXPLAIN (FORMAT JSON) EXECUTE store(${Number(feed.id)}, ${client.escapeLiteral(items)}, NULL, NULL)`,
      );
      return scans(rows[0]['QUERY PLAN'][0].Plan).filter(
        (s) => / on (articles|feed_items)$/.test(s) && !/^ModifyTable/.test(s),
      );
    };

    // As the repository runs it (unnamed, planned for its values), and as a statement prepared by
    // name would settle on (a generic plan).
    for (const mode of ['force_custom_plan', 'force_generic_plan']) {
      await client.query(`SET plan_cache_mode = ${mode}`);
      const found = await relationScans();
      expect({ mode, probes: found.length >= 2 }).toEqual({ mode, probes: true });
      expect({ mode, nonIndexScans: found.filter((s) => !/^Index (Only )?Scan on/.test(s)) }).toEqual({
        mode,
        nonIndexScans: [],
      });
    }
  });
});
