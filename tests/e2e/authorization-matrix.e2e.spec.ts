import { api, startTestApp, TestApp, TEST_ADMIN_TOKEN } from '../support/test-app';

/**
 * Every admin route, found in the OpenAPI document so routes added later are covered without
 * editing this file. Only the reviewer-level prefixes are listed; everything else under
 * /api/admin is admin-only.
 */
// Reviewers read articles to judge evidence and to add it by hand.
const REVIEWER_PREFIXES = ['/api/admin/evidence', '/api/admin/audit', '/api/admin/articles'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Route {
  method: string;
  path: string;
  reviewer: boolean;
}

async function adminRoutes(baseUrl: string): Promise<Route[]> {
  const doc = (await api(baseUrl, '/api/docs.json', { token: null })).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/admin'))
    .flatMap(([path, ops]) =>
      METHODS.filter((m) => ops[m]).map((m) => ({
        method: m.toUpperCase(),
        // An id nothing has, so a request that gets through changes nothing.
        path: path.replace(/\{[^}]+\}/g, '999999'),
        reviewer: REVIEWER_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`)),
      })),
    );
}

const call = (t: TestApp, r: Route, token: string | null) =>
  api(t.baseUrl, r.path, {
    method: r.method,
    token,
    body: ['POST', 'PUT', 'PATCH'].includes(r.method) ? {} : undefined,
  });

describe('authorisation matrix of the admin API', () => {
  let t: TestApp;
  let routes: Route[];
  let reviewer: string;
  let admin: string;
  let revoked: string;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_FAILURES_PER_MINUTE: '10000' });
    routes = await adminRoutes(t.baseUrl);
    const issue = async (name: string, role: string) =>
      (await api(t.baseUrl, '/api/admin/tokens', { method: 'POST', body: { name, role } })).body;
    reviewer = (await issue('matrix reviewer', 'reviewer')).token;
    admin = (await issue('matrix admin', 'admin')).token;
    const gone = await issue('matrix revoked', 'admin');
    revoked = gone.token;
    expect((await api(t.baseUrl, `/api/admin/tokens/${gone.id}`, { method: 'DELETE' })).status).toBe(200);
  });
  afterAll(() => t.close());

  it('finds the admin routes in the OpenAPI document, reviewer and admin-only ones', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/admin/tokens',
        'GET /api/admin/evidence',
        'POST /api/admin/evidence/999999/review',
        'GET /api/admin/audit',
      ]),
    );
    expect(routes.some((r) => !r.reviewer)).toBe(true);
  });

  /** Checks every route and lists all that answer wrongly, rather than stopping at the first. */
  async function mismatches(
    list: Route[],
    token: () => string | null,
    ok: (status: number, code?: string) => boolean,
  ): Promise<string[]> {
    const wrong: string[] = [];
    for (const r of list) {
      const res = await call(t, r, token());
      if (!ok(res.status, res.body?.error?.code)) wrong.push(`${r.method} ${r.path} -> ${res.status}`);
    }
    return wrong;
  }

  it('answers 401 without a token on every admin route', async () => {
    expect(
      await mismatches(
        routes,
        () => null,
        (s, c) => s === 401 && c === 'unauthorized',
      ),
    ).toEqual([]);
  });

  it('answers 401 with a revoked token on every admin route', async () => {
    expect(
      await mismatches(
        routes,
        () => revoked,
        (s, c) => s === 401 && c === 'unauthorized',
      ),
    ).toEqual([]);
  });

  it('answers 403 to a reviewer token on every admin-only route', async () => {
    const adminOnly = routes.filter((r) => !r.reviewer);
    expect(
      await mismatches(
        adminOnly,
        () => reviewer,
        (s, c) => s === 403 && c === 'forbidden',
      ),
    ).toEqual([]);
  });

  it('lets the right token through on every route (reviewer for reviewer routes, admin for all)', async () => {
    const through = (s: number) => s !== 401 && s !== 403;
    expect(
      await mismatches(
        routes.filter((r) => r.reviewer),
        () => reviewer,
        through,
      ),
    ).toEqual([]);
    expect(await mismatches(routes, () => admin, through)).toEqual([]);
    expect(await mismatches(routes, () => TEST_ADMIN_TOKEN, through)).toEqual([]);
  });
});

describe('per-token rate limit on admin routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ADMIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 rate_limited with Retry-After once a token is over its limit, counting each token apart', async () => {
    const issued = await api(t.baseUrl, '/api/admin/tokens', {
      method: 'POST',
      body: { name: 'busy', role: 'reviewer' },
    }); // 1st for ADMIN_TOKEN
    const busy = issued.body.token;
    for (let i = 0; i < 3; i++) expect((await api(t.baseUrl, '/api/admin/evidence', { token: busy })).status).toBe(200);
    const limited = await api(t.baseUrl, '/api/admin/evidence', { token: busy });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await api(t.baseUrl, '/api/admin/audit')).status).toBe(200); // ADMIN_TOKEN's own budget: 2nd
    expect((await api(t.baseUrl, '/api/admin/evidence', { token: null })).status).toBe(401);
    expect((await api(t.baseUrl, '/api/trends', { token: null })).status).toBe(200); // public routes are not limited
  });
});
