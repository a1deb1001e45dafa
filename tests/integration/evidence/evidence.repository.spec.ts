import { PrismaService } from '../../../src/database/prisma.service';
import { EvidenceRepository, RuleMatch } from '../../../src/evidence/evidence.repository';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { EvidenceFixtures } from './evidence-fixtures';

describe('EvidenceRepository (tagging entry points)', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  let repo: EvidenceRepository;
  let fx: EvidenceFixtures;
  let trend1: number;
  let trend2: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = new PrismaService(db.url);
    repo = new EvidenceRepository(prisma);
    fx = await EvidenceFixtures.connect(db.url);
    trend1 = await fx.trendId(1);
    trend2 = await fx.trendId(2);
  });
  afterAll(async () => {
    await fx.close();
    await prisma.onModuleDestroy();
    await db.drop();
  });

  const match = (articleId: number, trendId: number, over: Partial<RuleMatch> = {}): RuleMatch => ({
    articleId,
    trendId,
    stance: 'supports',
    score: 0.5,
    matched: { terms: ['gpu'], cues: [], reason: 'gpu' },
    ruleVersion: 1,
    publishedAt: new Date('2025-03-01T10:00:00Z'),
    ...over,
  });

  const row = async (articleId: number, trendId: number) =>
    (await fx.db.query('SELECT * FROM evidence WHERE article_id = $1 AND trend_id = $2', [articleId, trendId])).rows[0];

  it('inserts new pending rule evidence and refreshes rows that are still pending', async () => {
    const a = await fx.article({ title: 'a', publishedAt: '2025-03-01T10:00:00Z' });
    expect(await repo.upsertRuleMatches([match(a, trend1)])).toEqual({ inserted: 1, updated: 0 });
    const refreshed = {
      stance: 'contradicts' as const,
      score: 0.9,
      ruleVersion: 2,
      matched: { terms: ['tpu'], cues: ['slows'], reason: 'r' },
    };
    expect(await repo.upsertRuleMatches([match(a, trend1, refreshed)])).toEqual({ inserted: 0, updated: 1 });
    expect(await row(a, trend1)).toMatchObject({
      status: 'pending',
      origin: 'rule',
      stance: 'contradicts',
      score: 0.9,
      rule_version: 2,
    });
    expect((await row(a, trend1)).matched).toEqual({ terms: ['tpu'], cues: ['slows'], reason: 'r' });
  });

  it('never touches accepted, rejected or manual evidence', async () => {
    const a = await fx.article({ title: 'b', publishedAt: '2025-03-02T10:00:00Z' });
    const rejected = await fx.evidence({ articleId: a, trend: 1, status: 'rejected', score: 0.3 });
    const accepted = await fx.evidence({ articleId: a, trend: 2, status: 'accepted', score: 0.4 });
    const b = await fx.article({ title: 'c', publishedAt: '2025-03-02T10:00:00Z' });
    const manual = await fx.evidence({ articleId: b, trend: 1, status: 'pending', origin: 'manual', score: 1 });
    const result = await repo.upsertRuleMatches([
      match(a, trend1, { score: 0.99, stance: 'contradicts' }),
      match(a, trend2, { score: 0.99 }),
      match(b, trend1, { score: 0.2 }),
    ]);
    expect(result).toEqual({ inserted: 0, updated: 0 });
    const rows = (
      await fx.db.query('SELECT id, status, score, stance FROM evidence WHERE id = ANY($1) ORDER BY id', [
        [rejected, accepted, manual],
      ])
    ).rows;
    expect(rows).toEqual([
      { id: rejected, status: 'rejected', score: 0.3, stance: 'supports' },
      { id: accepted, status: 'accepted', score: 0.4, stance: 'supports' },
      { id: manual, status: 'pending', score: 1, stance: 'supports' },
    ]);
  });

  it('keeps the last entry of a duplicated pair and writes batches larger than one statement', async () => {
    const articles: number[] = [];
    for (let i = 0; i < 1200; i++) articles.push(i);
    const { rows } = await fx.db.query(
      `INSERT INTO articles (url, normalized_url, title, published_at)
       SELECT 'https://bulk.example.com/' || g, 'https://bulk.example.com/' || g, 'bulk ' || g, '2025-02-01T00:00:00Z'::timestamptz + g * interval '1 hour'
       FROM generate_series(1, 1200) g RETURNING id, published_at`,
    );
    const matches = rows.map((r) => match(r.id, trend2, { publishedAt: r.published_at }));
    matches.push(match(rows[0].id, trend2, { publishedAt: rows[0].published_at, score: 0.77 }));
    expect(await repo.upsertRuleMatches(matches)).toEqual({ inserted: 1200, updated: 0 });
    expect((await row(rows[0].id, trend2)).score).toBe(0.77);
    expect(await fx.rollupsMatchEvidence()).toBe(true);
  });

  it('lets concurrent writers of overlapping batches finish without deadlock', async () => {
    const ids: { id: number; published_at: Date }[] = (
      await fx.db.query(
        `INSERT INTO articles (url, normalized_url, title, published_at)
         SELECT 'https://race.example.com/' || g, 'https://race.example.com/' || g, 'race ' || g, '2025-01-01T00:00:00Z'::timestamptz + g * interval '7 hours'
         FROM generate_series(1, 300) g RETURNING id, published_at`,
      )
    ).rows;
    const batch = (trendId: number, score: number) =>
      ids.map((r) => match(r.id, trendId, { publishedAt: r.published_at, score }));
    // Same rows in opposite input orders: without the sort these could lock rollup rows crosswise.
    await Promise.all([
      repo.upsertRuleMatches([...batch(trend1, 0.1), ...batch(trend2, 0.1)]),
      repo.upsertRuleMatches([...batch(trend2, 0.2), ...batch(trend1, 0.2)].reverse()),
      repo.upsertRuleMatches(batch(trend1, 0.3).reverse()),
    ]);
    expect(await fx.rollupsMatchEvidence()).toBe(true);
  });

  it('withdraws only pending rule evidence of articles that no longer match', async () => {
    const gone = await fx.article({ title: 'gone', publishedAt: '2025-04-01T00:00:00Z' });
    const still = await fx.article({ title: 'still', publishedAt: '2025-04-01T00:00:00Z' });
    const decided = await fx.article({ title: 'decided', publishedAt: '2025-04-01T00:00:00Z' });
    const manual = await fx.article({ title: 'manual', publishedAt: '2025-04-01T00:00:00Z' });
    const untouchedTrend = await fx.evidence({ articleId: gone, trend: 2 });
    await repo.upsertRuleMatches([match(gone, trend1), match(still, trend1)]);
    await fx.evidence({ articleId: decided, trend: 1, status: 'accepted' });
    await fx.evidence({ articleId: manual, trend: 1, status: 'pending', origin: 'manual' });

    const considered = [gone, still, decided, manual];
    const stillMatching = [
      { articleId: still, trendId: trend1 },
      { articleId: gone, trendId: trend2 },
    ];
    const withdrawn = await repo.withdrawStalePendingForArticles(considered, stillMatching);
    expect(withdrawn).toBe(1);
    expect(await row(gone, trend1)).toBeUndefined();
    expect(await row(still, trend1)).toBeDefined();
    expect(await row(decided, trend1)).toBeDefined();
    expect(await row(manual, trend1)).toBeDefined();
    expect((await row(gone, trend2)).id).toBe(untouchedTrend);
    expect(await repo.withdrawStalePendingForArticles([still], [{ articleId: still, trendId: trend1 }])).toBe(0);
    expect(await fx.rollupsMatchEvidence()).toBe(true);
  });
});
