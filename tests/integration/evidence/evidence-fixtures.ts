import { Client } from 'pg';

/**
 * Writes feeds, articles and evidence straight into a test database with SQL, so review tests
 * do not depend on the ingest or tagging code. The rollup triggers fire as they would in use.
 */
export class EvidenceFixtures {
  private counter = 0;

  constructor(readonly db: Client) {}

  static async connect(url: string): Promise<EvidenceFixtures> {
    const db = new Client({ connectionString: url });
    await db.connect();
    return new EvidenceFixtures(db);
  }

  close(): Promise<void> {
    return this.db.end();
  }

  async trendId(number: number): Promise<number> {
    const { rows } = await this.db.query('SELECT id FROM trends WHERE number = $1', [number]);
    return rows[0].id;
  }

  async feed(title: string): Promise<number> {
    this.counter += 1;
    const { rows } = await this.db.query(
      'INSERT INTO feeds (url, title, updated_at) VALUES ($1, $2, now()) RETURNING id',
      [`https://feeds.example.com/${this.counter}-${Date.now()}.xml`, title],
    );
    return rows[0].id;
  }

  async article(a: {
    title: string;
    summary?: string;
    language?: string;
    publishedAt: string;
    feedIds?: number[];
    url?: string;
  }): Promise<number> {
    this.counter += 1;
    const url = a.url ?? `https://news.example.com/story-${this.counter}-${Date.now()}`;
    const { rows } = await this.db.query(
      `INSERT INTO articles (url, normalized_url, title, summary, language, published_at)
       VALUES ($1, $1, $2, $3, $4, $5) RETURNING id`,
      [url, a.title, a.summary ?? '', a.language ?? 'en', a.publishedAt],
    );
    const id = rows[0].id as number;
    for (const feedId of a.feedIds ?? []) {
      await this.db.query('INSERT INTO feed_items (feed_id, guid_hash, article_id) VALUES ($1, $2, $3)', [
        feedId,
        `g${id}`,
        id,
      ]);
    }
    return id;
  }

  /** Evidence for an article; published_at is copied from the article as the tagger does. */
  async evidence(e: {
    articleId: number;
    trend: number;
    stance?: string;
    score?: number;
    status?: string;
    origin?: string;
    matched?: unknown;
  }): Promise<number> {
    const { rows } = await this.db.query(
      `INSERT INTO evidence (article_id, trend_id, stance, score, matched, rule_version, origin, status, published_at, updated_at)
       SELECT $1, t.id, $3, $4, $5::jsonb, 1, $6, $7, a.published_at, now()
       FROM trends t, articles a WHERE t.number = $2 AND a.id = $1 RETURNING id`,
      [
        e.articleId,
        e.trend,
        e.stance ?? 'supports',
        e.score ?? 1,
        JSON.stringify(e.matched ?? { terms: ['gpu cluster'], cues: [], reason: 'matched gpu cluster' }),
        e.origin ?? 'rule',
        e.status ?? 'pending',
      ],
    );
    return rows[0].id;
  }

  /** Rollup counts of one trend, keyed "status/stance", summed over days. */
  async rollupCounts(trendNumber: number): Promise<Record<string, number>> {
    const { rows } = await this.db.query(
      `SELECT r.status, r.stance, sum(r.count)::int AS n FROM trend_daily_rollups r JOIN trends t ON t.id = r.trend_id
       WHERE t.number = $1 GROUP BY r.status, r.stance`,
      [trendNumber],
    );
    const out: Record<string, number> = {};
    for (const r of rows) if (r.n !== 0) out[`${r.status}/${r.stance}`] = r.n;
    return out;
  }

  /** What the rollups would be if recomputed from scratch; triggers must always agree with it. */
  async rollupsMatchEvidence(): Promise<boolean> {
    const { rows } = await this.db.query(`
      WITH truth AS (
        SELECT trend_id, (published_at AT TIME ZONE 'UTC')::date AS day, status, stance, count(*)::int AS n
        FROM evidence GROUP BY 1, 2, 3, 4),
      kept AS (SELECT trend_id, day, status, stance, count AS n FROM trend_daily_rollups WHERE count <> 0)
      SELECT count(*)::int AS diff FROM (
        (SELECT * FROM truth EXCEPT SELECT * FROM kept) UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM truth)) d`);
    return rows[0].diff === 0;
  }
}
