import { EvidenceRepository } from '../../src/evidence/evidence.repository';
import { EvidenceFixtures } from '../integration/evidence/evidence-fixtures';
import { api, startTestApp, TestApp } from '../support/test-app';

describe('evidence review over HTTP', () => {
  let t: TestApp;
  let fx: EvidenceFixtures;
  let reviewer: string;
  const ids: Record<string, number> = {};
  const articles: Record<string, number> = {};
  let feedA: number;

  beforeAll(async () => {
    t = await startTestApp();
    fx = await EvidenceFixtures.connect(t.db.url);
    reviewer = (await api(t.baseUrl, '/api/admin/tokens', { method: 'POST', body: { name: 'rita', role: 'reviewer' } }))
      .body.token;
    feedA = await fx.feed('Feed A');
    const feedB = await fx.feed('Feed B');
    articles.gpu = await fx.article({
      title: 'Nvidia ships 100k GPU cluster',
      summary: 'training at scale',
      publishedAt: '2025-03-01T08:00:00Z',
      feedIds: [feedA, feedB],
    });
    articles.zh = await fx.article({
      title: '万卡集群上线',
      language: 'zh',
      publishedAt: '2025-03-05T08:00:00Z',
      feedIds: [feedB],
    });
    articles.robot = await fx.article({
      title: 'Humanoid robot stalls',
      summary: '100% of demos failed',
      publishedAt: '2025-02-10T08:00:00Z',
      feedIds: [feedA],
    });
    articles.open = await fx.article({ title: 'Open weights model tops chart', publishedAt: '2025-01-20T08:00:00Z' });
    ids.gpu = await fx.evidence({
      articleId: articles.gpu,
      trend: 1,
      score: 0.9,
      matched: { terms: ['gpu cluster', '100k'], cues: [], reason: 'r' },
    });
    ids.gpuOpen = await fx.evidence({ articleId: articles.gpu, trend: 9, score: 0.2, stance: 'contradicts' });
    ids.zh = await fx.evidence({ articleId: articles.zh, trend: 1, score: 0.6, matched: { terms: ['万卡'] } });
    ids.robot = await fx.evidence({
      articleId: articles.robot,
      trend: 8,
      score: 0.7,
      stance: 'contradicts',
      matched: 'not an object',
    });
    ids.open = await fx.evidence({ articleId: articles.open, trend: 9, score: 0.8 });
  });
  afterAll(async () => {
    await fx.close();
    await t.close();
  });

  const queue = (query: string, token: string | null = reviewer) =>
    api(t.baseUrl, `/api/admin/evidence${query}`, { token });
  const review = (id: number, body: unknown) =>
    api(t.baseUrl, `/api/admin/evidence/${id}/review`, { method: 'POST', body, token: reviewer });

  it('lists pending evidence best score first, with article, feeds, trend, matched terms and other tags', async () => {
    const res = await queue('');
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: any) => e.id)).toEqual([ids.gpu, ids.open, ids.robot, ids.zh, ids.gpuOpen]);
    const gpu = res.body.data[0];
    expect(gpu).toMatchObject({
      status: 'pending',
      stance: 'supports',
      score: 0.9,
      matchedTerms: ['gpu cluster', '100k'],
      origin: 'rule',
      ruleVersion: 1,
      note: null,
      reviewedBy: null,
      article: {
        id: articles.gpu,
        title: 'Nvidia ships 100k GPU cluster',
        publishedAt: '2025-03-01T08:00:00.000Z',
        language: 'en',
      },
      trend: { number: 1, slug: 'compute-clusters', titleEn: expect.any(String) },
      otherTags: [{ trend: 'open-source-models', stance: 'contradicts', status: 'pending', score: 0.2 }],
    });
    expect(gpu.article.feeds.map((f: any) => f.title).sort()).toEqual(['Feed A', 'Feed B']);
    const robot = res.body.data.find((e: any) => e.id === ids.robot);
    expect(robot.matchedTerms).toEqual([]); // matched JSON of the wrong shape is tolerated
    expect(res.body.nextCursor).toBeNull();
  });

  it('filters by trend, stance, feed, language, dates, score and text', async () => {
    const idsOf = async (q: string) => (await queue(q)).body.data.map((e: any) => e.id);
    expect(await idsOf('?trend=compute-clusters')).toEqual([ids.gpu, ids.zh]);
    expect(await idsOf('?trend=9')).toEqual([ids.open, ids.gpuOpen]);
    expect(await idsOf('?stance=contradicts')).toEqual([ids.robot, ids.gpuOpen]);
    expect(await idsOf(`?feedId=${feedA}`)).toEqual([ids.gpu, ids.robot, ids.gpuOpen]);
    expect(await idsOf('?language=zh')).toEqual([ids.zh]);
    expect(await idsOf('?from=2025-02-01&to=2025-03-02')).toEqual([ids.gpu, ids.robot, ids.gpuOpen]);
    expect(await idsOf('?minScore=0.65')).toEqual([ids.gpu, ids.open, ids.robot]);
    expect(await idsOf('?q=gpu%20CLUSTER')).toEqual([ids.gpu, ids.gpuOpen]);
    expect(await idsOf('?q=100%25')).toEqual([ids.robot]); // "%" is literal, not a wildcard
    expect(await idsOf('?q=_')).toEqual([]);
    expect(await idsOf('?sort=date')).toEqual([ids.zh, ids.gpuOpen, ids.gpu, ids.robot, ids.open]); // ties: newest id first
    expect((await queue('?trend=no-such-trend')).body.error.code).toBe('unknown_trend');
  });

  it('pages with a cursor in both sort orders without gaps or repeats', async () => {
    for (const sort of ['score', 'date']) {
      const seen: number[] = [];
      let cursor: string | null = '';
      let pages = 0;
      while (cursor !== null) {
        const res = await queue(`?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.data.map((e: any) => e.id));
        cursor = res.body.nextCursor;
        pages += 1;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual((await queue(`?sort=${sort}`)).body.data.map((e: any) => e.id));
    }
    const scoreCursor = (await queue('?limit=1')).body.nextCursor;
    expect((await queue(`?sort=date&cursor=${scoreCursor}`)).body.error.code).toBe('invalid_cursor');
    expect((await queue('?cursor=garbage')).status).toBe(400);
  });

  it('accepts with a stance correction and a note, moving the rollup counts', async () => {
    expect(await fx.rollupCounts(8)).toEqual({ 'pending/contradicts': 1 });
    const res = await review(ids.robot, { decision: 'accept', stance: 'supports', note: 'misread: the demo worked' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ids.robot,
      status: 'accepted',
      stance: 'supports',
      note: 'misread: the demo worked',
      reviewedBy: 'rita',
    });
    expect(res.body.reviewedAt).toEqual(expect.any(String));
    expect(await fx.rollupCounts(8)).toEqual({ 'accepted/supports': 1 });
    expect((await api(t.baseUrl, `/api/admin/evidence/${ids.robot}`, { token: reviewer })).body.status).toBe(
      'accepted',
    );
  });

  it('rejects, undoes by deciding again, and keeps every decision in the audit log', async () => {
    expect((await review(ids.open, { decision: 'reject', note: 'press release' })).body.status).toBe('rejected');
    expect(await fx.rollupCounts(9)).toEqual({ 'rejected/supports': 1, 'pending/contradicts': 1 });
    const undone = await review(ids.open, { decision: 'accept' });
    expect(undone.body).toMatchObject({ status: 'accepted', note: 'press release' });
    expect(await fx.rollupCounts(9)).toEqual({ 'accepted/supports': 1, 'pending/contradicts': 1 });

    const log = await api(t.baseUrl, `/api/admin/audit?evidenceId=${ids.open}`, { token: reviewer });
    expect(log.status).toBe(200);
    expect(log.body.data).toEqual([
      expect.objectContaining({
        evidenceId: ids.open,
        actor: 'rita',
        action: 'accept',
        before: { status: 'rejected', stance: 'supports', note: 'press release' },
        after: { status: 'accepted', stance: 'supports', note: 'press release' },
      }),
      expect.objectContaining({
        action: 'reject',
        before: { status: 'pending', stance: 'supports', note: null },
        after: { status: 'rejected', stance: 'supports', note: 'press release' },
      }),
    ]);
    const page1 = await api(t.baseUrl, '/api/admin/audit?limit=1', { token: reviewer });
    expect(page1.body.data[0].evidenceId).toBe(ids.open);
    const page2 = await api(t.baseUrl, `/api/admin/audit?limit=1&cursor=${page1.body.nextCursor}`, { token: reviewer });
    expect(page2.body.data[0].id).toBeLessThan(page1.body.data[0].id);
  });

  it('decides in bulk, answering per id, and audits each row', async () => {
    const res = await api(t.baseUrl, '/api/admin/evidence/review', {
      method: 'POST',
      token: reviewer,
      body: { ids: [ids.gpu, 999999, ids.zh, ids.gpu], decision: 'reject', stance: 'contradicts' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: [
        { id: ids.gpu, outcome: 'updated', status: 'rejected', stance: 'contradicts' },
        { id: 999999, outcome: 'not_found' },
        { id: ids.zh, outcome: 'updated', status: 'rejected', stance: 'contradicts' },
      ],
      updated: 2,
      notFound: 1,
    });
    expect(await fx.rollupCounts(1)).toEqual({ 'rejected/contradicts': 2 });
    const audit = await api(t.baseUrl, '/api/admin/audit?limit=2', { token: reviewer });
    expect(audit.body.data.map((a: any) => a.evidenceId).sort()).toEqual([ids.gpu, ids.zh].sort());
    expect((await queue('?status=rejected&trend=1')).body.data).toHaveLength(2);
    expect(await fx.rollupsMatchEvidence()).toBe(true);
  });

  it('never brings a rejected article back as new evidence when the tagger sees it again', async () => {
    const repo = t.app.get(EvidenceRepository);
    const trendId = await fx.trendId(1);
    const again = {
      articleId: articles.gpu,
      trendId,
      stance: 'supports' as const,
      score: 1,
      matched: { terms: ['x'], cues: [], reason: 'v2' },
      ruleVersion: 2,
      publishedAt: new Date('2025-03-01T08:00:00Z'),
    };
    expect(await repo.upsertRuleMatches([again])).toEqual({ inserted: 0, updated: 0 });
    const res = await api(t.baseUrl, `/api/admin/evidence/${ids.gpu}`, { token: reviewer });
    expect(res.body).toMatchObject({ status: 'rejected', stance: 'contradicts', score: 0.9, ruleVersion: 1 });
    expect((await queue('?trend=1')).body.data).toEqual([]);
  });

  it('adds manual evidence as accepted, finds the article by normalised URL, and refuses a duplicate', async () => {
    const body = {
      url: 'https://NEWS.example.com/robots?utm_source=x#top',
      title: 'Robots at work',
      trend: 8,
      stance: 'supports',
      publishedAt: '2025-03-10T00:00:00Z',
    };
    const created = await api(t.baseUrl, '/api/admin/evidence', { method: 'POST', token: reviewer, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'accepted',
      origin: 'manual',
      score: 1,
      stance: 'supports',
      reviewedBy: 'rita',
      trend: { slug: 'embodied-intelligence' },
    });
    expect(created.body.article).toMatchObject({ title: 'Robots at work', publishedAt: '2025-03-10T00:00:00.000Z' });
    const audit = await api(t.baseUrl, `/api/admin/audit?evidenceId=${created.body.id}`, { token: reviewer });
    expect(audit.body.data[0]).toMatchObject({
      action: 'create_manual',
      actor: 'rita',
      after: { status: 'accepted', stance: 'supports' },
    });

    const dup = await api(t.baseUrl, '/api/admin/evidence', {
      method: 'POST',
      token: reviewer,
      body: { ...body, url: 'https://news.example.com/robots', trend: 'embodied-intelligence' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'evidence_exists', details: { evidenceId: created.body.id } });

    const sameArticleOtherTrend = await api(t.baseUrl, '/api/admin/evidence', {
      method: 'POST',
      token: reviewer,
      body: { ...body, trend: 5 },
    });
    expect(sameArticleOtherTrend.status).toBe(201);
    expect(sameArticleOtherTrend.body.article.id).toBe(created.body.article.id);
    expect(sameArticleOtherTrend.body.otherTags).toEqual([
      { trend: 'embodied-intelligence', stance: 'supports', status: 'accepted', score: 1 },
    ]);
  });

  it('answers 404 for unknown evidence and 400 for a non-numeric id', async () => {
    expect((await review(123456, { decision: 'accept' })).body.error.code).toBe('evidence_not_found');
    expect((await api(t.baseUrl, '/api/admin/evidence/123456', { token: reviewer })).status).toBe(404);
    expect((await api(t.baseUrl, '/api/admin/evidence/abc', { token: reviewer })).body.error.code).toBe('invalid_id');
  });
});
