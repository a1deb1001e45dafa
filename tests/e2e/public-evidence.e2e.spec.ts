import { EvidenceFixtures } from '../integration/evidence/evidence-fixtures';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * The public list behind a scorecard entry: a prediction's accepted evidence, with sources,
 * stance, score and the reason it was tagged. Nothing a reviewer has not accepted, and nothing of
 * the review itself (who, notes), is shown to the public.
 */
describe('GET /api/trends/{key}/evidence', () => {
  let t: TestApp;
  let fx: EvidenceFixtures;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    fx = await EvidenceFixtures.connect(t.db.url);
    const feed = await fx.feed('Wire');
    const article = (title: string, publishedAt: string) => fx.article({ title, publishedAt, feedIds: [feed] });
    ids.old = await fx.evidence({
      articleId: await article('Old supporting story', '2025-01-10T00:00:00Z'),
      trend: 1,
      status: 'accepted',
      score: 3,
    });
    ids.mid = await fx.evidence({
      articleId: await article('Contradicting story', '2025-02-10T00:00:00Z'),
      trend: 1,
      status: 'accepted',
      stance: 'contradicts',
      score: 1,
    });
    ids.recent = await fx.evidence({
      articleId: await article('Recent supporting story', '2025-03-10T00:00:00Z'),
      trend: 1,
      status: 'accepted',
      score: 2,
    });
    ids.pending = await fx.evidence({ articleId: await article('Pending story', '2025-03-11T00:00:00Z'), trend: 1 });
    ids.rejected = await fx.evidence({
      articleId: await article('Rejected story', '2025-03-12T00:00:00Z'),
      trend: 1,
      status: 'rejected',
    });
    ids.otherTrend = await fx.evidence({
      articleId: await article('Other prediction', '2025-03-13T00:00:00Z'),
      trend: 2,
      status: 'accepted',
    });
    await fx.db.query(
      `UPDATE evidence SET review_note = 'internal note', reviewed_by = 'alice', reviewed_at = now() WHERE id = $1`,
      [ids.recent],
    );
  });

  /** Manual evidence through the admin API, by a named reviewer token: the public must not learn the name. */
  async function addManualEvidence(): Promise<number> {
    const token = await api(t.baseUrl, '/api/admin/tokens', {
      method: 'POST',
      body: { name: 'bob-the-reviewer', role: 'reviewer' },
    });
    expect(token.status).toBe(201);
    const res = await api(t.baseUrl, '/api/admin/evidence', {
      method: 'POST',
      token: token.body.token,
      body: {
        trend: 'compute-clusters',
        stance: 'supports',
        note: 'seen in print',
        title: 'Hand-picked story',
        url: 'https://news.example.com/hand-picked',
        publishedAt: '2025-03-20T00:00:00Z',
      },
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  afterAll(async () => {
    await fx.close();
    await t.close();
  });

  const list = (path: string) => api(t.baseUrl, path, { token: null });

  it('lists only accepted evidence of that prediction, newest first, without review internals', async () => {
    const res = await list('/api/trends/compute-clusters/evidence');
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { id: number }) => e.id)).toEqual([ids.recent, ids.mid, ids.old]);
    const [recent] = res.body.data;
    expect(recent).toEqual({
      id: ids.recent,
      stance: 'supports',
      score: 2,
      matchedTerms: ['gpu cluster'],
      matchedCues: [],
      reason: 'matched gpu cluster',
      origin: 'rule',
      acceptedAt: expect.any(String),
      article: expect.objectContaining({
        title: 'Recent supporting story',
        publishedAt: '2025-03-10T00:00:00.000Z',
        feeds: [expect.objectContaining({ title: 'Wire' })],
      }),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/internal note|alice/);
  });

  it('shows manual evidence without naming the reviewer who added it', async () => {
    const id = await addManualEvidence();
    const res = await list('/api/trends/compute-clusters/evidence');
    const manual = res.body.data.find((e: { id: number }) => e.id === id);
    expect(manual).toMatchObject({
      origin: 'manual',
      reason: 'added by a reviewer',
      article: expect.objectContaining({ title: 'Hand-picked story' }),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/bob-the-reviewer|seen in print/);
    await fx.db.query('DELETE FROM evidence WHERE id = $1', [id]);
  });

  it('is the same list by number, filtered by stance and dates, or strongest first', async () => {
    expect((await list('/api/trends/1/evidence')).body.data).toHaveLength(3);
    expect(
      (await list('/api/trends/1/evidence?stance=contradicts')).body.data.map((e: { id: number }) => e.id),
    ).toEqual([ids.mid]);
    expect(
      (await list('/api/trends/1/evidence?from=2025-02-01T00:00:00Z&to=2025-03-01T00:00:00Z')).body.data.map(
        (e: { id: number }) => e.id,
      ),
    ).toEqual([ids.mid]);
    expect((await list('/api/trends/1/evidence?sort=score')).body.data.map((e: { id: number }) => e.id)).toEqual([
      ids.old,
      ids.recent,
      ids.mid,
    ]);
  });

  it('pages with a cursor', async () => {
    const first = await list('/api/trends/1/evidence?limit=2');
    expect(first.body.data.map((e: { id: number }) => e.id)).toEqual([ids.recent, ids.mid]);
    const second = await list(`/api/trends/1/evidence?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: ids.old })], nextCursor: null });
  });

  it('answers 404 for an unknown prediction and 400 for a bad filter', async () => {
    expect((await list('/api/trends/no-such-trend/evidence')).status).toBe(404);
    const bad = await list('/api/trends/1/evidence?stance=maybe&limit=500');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.message).toMatch(/stance/);
    const wrongCursor = await list(
      `/api/trends/1/evidence?sort=score&cursor=${encodeURIComponent((await list('/api/trends/1/evidence?limit=1')).body.nextCursor)}`,
    );
    expect(wrongCursor.status).toBe(400);
  });
});
