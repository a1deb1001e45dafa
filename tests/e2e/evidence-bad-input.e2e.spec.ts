import { EvidenceFixtures } from '../integration/evidence/evidence-fixtures';
import { api, startTestApp, TestApp } from '../support/test-app';

describe('evidence API under bad input', () => {
  let t: TestApp;
  let fx: EvidenceFixtures;
  let evidenceId: number;

  beforeAll(async () => {
    t = await startTestApp();
    fx = await EvidenceFixtures.connect(t.db.url);
    const articleId = await fx.article({ title: 'A GPU story', publishedAt: '2025-03-01T00:00:00Z' });
    evidenceId = await fx.evidence({ articleId, trend: 1 });
  });
  afterAll(async () => {
    await fx.close();
    await t.close();
  });

  const post = (path: string, body: unknown) => api(t.baseUrl, path, { method: 'POST', body });
  const expectInvalid = (res: { status: number; body: any }, field: RegExp) => {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(field);
  };

  it('answers 400 naming the field for wrong types and out-of-range values', async () => {
    const review = `/api/admin/evidence/${evidenceId}/review`;
    expectInvalid(await post(review, { decision: 1 }), /decision/);
    expectInvalid(await post(review, { decision: 'maybe' }), /decision/);
    expectInvalid(await post(review, { decision: 'accept', stance: 'neutral' }), /stance/);
    expectInvalid(await post(review, { decision: 'accept', note: 42 }), /note/);
    expectInvalid(await post(review, { decision: 'accept', note: 'x'.repeat(2001) }), /note/);
    expectInvalid(await post('/api/admin/evidence/review', { ids: 'all', decision: 'reject' }), /ids/);
    expectInvalid(await post('/api/admin/evidence/review', { ids: [], decision: 'reject' }), /ids/);
    expectInvalid(await post('/api/admin/evidence/review', { ids: [1.5, -2], decision: 'reject' }), /ids/);
    expectInvalid(
      await post('/api/admin/evidence/review', {
        ids: Array.from({ length: 501 }, (_, i) => i + 1),
        decision: 'reject',
      }),
      /ids/,
    );
    expectInvalid(
      await post('/api/admin/evidence', { url: 'javascript:alert(1)', title: 't', trend: 1, stance: 'supports' }),
      /url/,
    );
    expectInvalid(
      await post('/api/admin/evidence', { url: 'https://x.example/a', title: '', trend: true, stance: 'supports' }),
      /title.*trend|trend.*title/,
    );
    expectInvalid(
      await post('/api/admin/evidence', {
        url: 'https://x.example/a',
        title: 't',
        trend: 1,
        stance: 'supports',
        publishedAt: 'yesterday',
      }),
      /publishedAt/,
    );
  });

  it('answers 400 naming the parameter for bad query values', async () => {
    const get = (q: string) => api(t.baseUrl, `/api/admin/evidence${q}`);
    expectInvalid(await get('?status=open'), /status/);
    expectInvalid(await get('?limit=0'), /limit/);
    expectInvalid(await get('?limit=201'), /limit/);
    expectInvalid(await get('?minScore=high'), /minScore/);
    expectInvalid(await get('?feedId=-1'), /feedId/);
    expectInvalid(await get('?from=not-a-date'), /from/);
    expectInvalid(await get('?sort=random'), /sort/);
    expectInvalid(await api(t.baseUrl, '/api/admin/audit?evidenceId=abc'), /evidenceId/);
  });

  it('refuses unknown fields in bodies and queries', async () => {
    expectInvalid(
      await post(`/api/admin/evidence/${evidenceId}/review`, { decision: 'accept', status: 'accepted' }),
      /status/,
    );
    expectInvalid(
      await post('/api/admin/evidence/review', { ids: [evidenceId], decision: 'accept', force: true }),
      /force/,
    );
    expectInvalid(await api(t.baseUrl, '/api/admin/evidence?orderBy=id'), /orderBy/);
  });

  it('answers 413 for a body over 1 MB and 400 for broken JSON', async () => {
    const huge = await post(`/api/admin/evidence/${evidenceId}/review`, {
      decision: 'accept',
      note: 'x'.repeat(1_100_000),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const broken = await post('/api/admin/evidence/review', '{"ids": [1,');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toEqual(
      expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    );
  });

  it('stores SQL and script fragments as plain text and returns them verbatim', async () => {
    const note = `'); DROP TABLE evidence; -- <script>alert("x")</script>`;
    const reviewed = await post(`/api/admin/evidence/${evidenceId}/review`, { decision: 'reject', note });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.note).toBe(note);
    expect(reviewed.headers.get('content-type')).toMatch(/application\/json/);

    const title = `<img src=x onerror=alert(1)> Robert'); DROP TABLE articles;--`;
    const manual = await post('/api/admin/evidence', {
      url: 'https://x.example/a?q=%27%3B--',
      title,
      trend: 'open-source-models',
      stance: 'contradicts',
      note,
    });
    expect(manual.status).toBe(201);
    expect(manual.body.article.title).toBe(title);
    expect((await api(t.baseUrl, `/api/admin/evidence/${manual.body.id}`)).body.note).toBe(note);

    for (const q of [`' OR 1=1 --`, '%', '_', '\\', `"; SELECT pg_sleep(5); --`]) {
      const res = await api(t.baseUrl, `/api/admin/evidence?status=rejected&q=${encodeURIComponent(q)}`);
      expect([q, res.status, res.body.data]).toEqual([q, 200, []]);
    }
    const found = await api(t.baseUrl, `/api/admin/evidence?status=accepted&q=${encodeURIComponent("Robert'); DROP")}`);
    expect(found.body.data.map((e: any) => e.id)).toEqual([manual.body.id]);
    const { rows } = await fx.db.query('SELECT count(*)::int AS n FROM evidence');
    expect(rows[0].n).toBe(2);
  });
});
