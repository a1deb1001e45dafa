import { api, startTestApp, TestApp } from '../support/test-app';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each(['/api/trends', '/api/scorecard', '/api/docs', '/api/admin/feeds', '/health/live', '/no-such-route'])(
    '%s: no X-Powered-By, nosniff, frames refused, a CSP',
    async (path) => {
      const res = await api(t.baseUrl, path);
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    },
  );

  it('marks the answer that shows a new token, and every admin answer, Cache-Control: no-store', async () => {
    const created = await api(t.baseUrl, '/api/admin/tokens', {
      method: 'POST',
      body: { name: 'n', role: 'reviewer' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect((await api(t.baseUrl, '/api/admin/evidence')).headers.get('cache-control')).toBe('no-store');
    expect((await api(t.baseUrl, '/api/admin/evidence', { token: null })).headers.get('cache-control')).toBe(
      'no-store',
    );
  });

  it('still serves Swagger UI: every script and stylesheet it names loads from here, under the policy', async () => {
    const page = await fetch(`${t.baseUrl}/api/docs/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    // No inline script: 'self' would block it.
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
    const assets = [...html.matchAll(/(?:src|href)=["']([^"']+\.(?:js|css))["']/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^https?:/); // same origin, as script-src 'self' requires
      const res = await fetch(new URL(asset, `${t.baseUrl}/api/docs/`));
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
    }
    const init = await (await fetch(`${t.baseUrl}/api/docs/swagger-ui-init.js`)).text();
    expect(init).toContain('SwaggerUIBundle');
    expect((await api(t.baseUrl, '/api/docs.json', { token: null })).status).toBe(200);
  });
});
