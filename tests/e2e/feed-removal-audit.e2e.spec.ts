import { EvidenceFixtures } from '../integration/evidence/evidence-fixtures';
import { api, startTestApp, TestApp } from '../support/test-app';

describe('deleting a feed with its articles keeps the audit trail', () => {
  let t: TestApp;
  let fx: EvidenceFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    fx = await EvidenceFixtures.connect(t.db.url);
  });
  afterAll(async () => {
    await fx.close();
    await t.close();
  });

  it('answers what was removed, and every decision stays in the audit log with a snapshot of what it was about', async () => {
    const doomed = await fx.feed('Doomed feed');
    const other = await fx.feed('Other feed');
    const alone = await fx.article({
      title: 'Humanoid robot ships',
      url: 'https://example.com/robot',
      publishedAt: '2025-02-10T08:00:00Z',
      feedIds: [doomed],
    });
    const shared = await fx.article({
      title: 'GPU cluster doubles',
      publishedAt: '2025-02-11T08:00:00Z',
      feedIds: [doomed, other],
    });
    const decided = await fx.evidence({ articleId: alone, trend: 8, score: 0.7, stance: 'contradicts' });
    await fx.evidence({ articleId: alone, trend: 1, score: 0.3 });
    const kept = await fx.evidence({ articleId: shared, trend: 1, score: 0.9 });
    for (const [id, decision] of [
      [decided, 'accept'],
      [decided, 'reject'],
      [kept, 'accept'],
    ] as const) {
      expect(
        (await api(t.baseUrl, `/api/admin/evidence/${id}/review`, { method: 'POST', body: { decision } })).status,
      ).toBe(200);
    }

    const res = await api(t.baseUrl, `/api/admin/feeds/${doomed}?removeArticles=true`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: doomed, removed: { feed: 1, articles: 1, evidence: 2 }, auditEntriesKept: 2 });

    const audit = (await api(t.baseUrl, '/api/admin/audit?limit=50')).body.data as any[];
    expect(audit).toHaveLength(3);
    const orphaned = audit.filter((a) => a.evidenceId === null);
    expect(orphaned.map((a) => a.action).sort()).toEqual(['accept', 'reject']);
    for (const entry of orphaned) {
      expect(entry.subject).toMatchObject({
        evidenceId: decided,
        article: { id: alone, title: 'Humanoid robot ships', url: 'https://example.com/robot' },
        trend: { number: 8, slug: 'embodied-intelligence' },
        stance: 'contradicts',
        status: 'rejected',
      });
    }
    expect(audit.find((a) => a.evidenceId === kept)).toMatchObject({ action: 'accept', subject: null });
    expect((await api(t.baseUrl, `/api/admin/evidence/${kept}`)).status).toBe(200);
  });

  it('without removeArticles removes only the feed', async () => {
    const feed = await fx.feed('Plain feed');
    await fx.article({ title: 'Stays', publishedAt: '2025-02-12T08:00:00Z', feedIds: [feed] });
    const res = await api(t.baseUrl, `/api/admin/feeds/${feed}`, { method: 'DELETE' });
    expect(res.body).toEqual({ id: feed, removed: { feed: 1, articles: 0, evidence: 0 }, auditEntriesKept: 0 });
  });
});
