import { api, startTestApp, TestApp } from '../support/test-app';
import { sql } from '../support/sql';

describe('trends API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the ten predictions in report order with both titles', async () => {
    const res = await api(t.baseUrl, '/api/trends', { token: null });
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.data.map((x: { number: number }) => x.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(res.body.data[0]).toMatchObject({ slug: 'compute-clusters', titleZh: expect.stringContaining('算力底座') });
    expect(res.body.data[8].titleEn).toMatch(/open source/i);
  });

  it('finds a prediction by slug and by number', async () => {
    // A fixed asOf, so the two answers' verdicts are of the same instant.
    const asOf = '?asOf=2026-12-01T00:00:00Z';
    const bySlug = await api(t.baseUrl, `/api/trends/embodied-intelligence${asOf}`, { token: null });
    const byNumber = await api(t.baseUrl, `/api/trends/8${asOf}`, { token: null });
    expect(bySlug.status).toBe(200);
    expect(byNumber.body).toEqual(bySlug.body);
    expect(bySlug.body.titleZh).toContain('具身智能');
    expect(bySlug.body).toMatchObject({ horizon: '2027-07-01', horizonBasis: 'report-frame', status: 'too-early' });
    expect(bySlug.body.assessment).toMatchObject({ daysToHorizon: 212, accepted: 0, resolution: null });
  });

  it('answers 404 in the common error shape for an unknown prediction', async () => {
    const res = await api(t.baseUrl, '/api/trends/no-such-thing', { token: null });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'trend_not_found', message: expect.any(String), requestId: expect.any(String) },
    });
  });

  it('is ready once migrated and seeded, and live', async () => {
    expect((await api(t.baseUrl, '/health/ready', { token: null })).status).toBe(200);
    expect((await api(t.baseUrl, '/health/live', { token: null })).body).toEqual({ status: 'ok' });
  });

  it('answers 503 not_ready naming the database while it refuses connections, and 200 again after', async () => {
    const admin = new URL(t.db.url);
    admin.pathname = '/postgres';
    const refuse = async (refused: boolean) => {
      await sql(admin.toString(), `ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS ${refused ? 'false' : 'true'}`);
      if (refused)
        await sql(admin.toString(), 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
          t.db.name,
        ]);
    };
    await refuse(true);
    try {
      const res = await api(t.baseUrl, '/health/ready', { token: null });
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'not_ready', message: 'not ready: database unreachable' });
    } finally {
      await refuse(false);
    }
    expect((await api(t.baseUrl, '/health/ready', { token: null })).status).toBe(200);
  });

  it('serves an OpenAPI document that describes the trends routes', async () => {
    const res = await api(t.baseUrl, '/api/docs.json', { token: null });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/trends', '/api/trends/{key}']));
  });

  it('answers unknown routes with 404 in the common shape, never a stack', async () => {
    const res = await api(t.baseUrl, '/api/nope', { token: null });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
  });
});
