import { Client } from 'pg';
import { api, startTestApp, TestApp } from '../support/test-app';

describe('admin authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses admin routes without a token, with a wrong one, and accepts ADMIN_TOKEN', async () => {
    expect((await api(t.baseUrl, '/api/admin/tokens', { token: null })).status).toBe(401);
    const wrong = await api(t.baseUrl, '/api/admin/tokens', { token: 'not-a-real-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthorized');
    expect((await api(t.baseUrl, '/api/admin/tokens')).status).toBe(200);
  });

  it('issues a token once, stores only its hash, and honours its role', async () => {
    const created = await api(t.baseUrl, '/api/admin/tokens', {
      method: 'POST',
      body: { name: 'rita', role: 'reviewer' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'rita', role: 'reviewer', token: expect.stringMatching(/^tsk_/) });

    const db = new Client({ connectionString: t.db.url });
    await db.connect();
    const stored = await db.query('SELECT token_hash FROM api_tokens WHERE id = $1', [created.body.id]);
    await db.end();
    expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0].token_hash).not.toContain(created.body.token);

    const forbidden = await api(t.baseUrl, '/api/admin/tokens', { token: created.body.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');

    const listed = await api(t.baseUrl, '/api/admin/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
  });

  it('rejects a revoked token', async () => {
    const created = await api(t.baseUrl, '/api/admin/tokens', { method: 'POST', body: { name: 'ops', role: 'admin' } });
    expect((await api(t.baseUrl, '/api/admin/jobs', { token: created.body.token })).status).toBe(200);
    expect((await api(t.baseUrl, `/api/admin/tokens/${created.body.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api(t.baseUrl, '/api/admin/jobs', { token: created.body.token })).status).toBe(401);
  });

  it('answers 400 naming the field for an invalid token request', async () => {
    const res = await api(t.baseUrl, '/api/admin/tokens', {
      method: 'POST',
      body: { name: 'x', role: 'root', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(/role/);
    expect(res.body.error.message).toMatch(/extra/);
  });

  it('answers 404 for an unknown job and lists runs as a page', async () => {
    expect((await api(t.baseUrl, '/api/admin/jobs/nope/run', { method: 'POST' })).status).toBe(404);
    const runs = await api(t.baseUrl, '/api/admin/jobs/runs');
    expect(runs.status).toBe(200);
    expect(runs.body).toEqual({ data: expect.any(Array), nextCursor: null });
  });
});
