import { ApiTokenRepository } from '../../src/auth/api-token.repository';
import { api, startTestApp, TestApp, TEST_ADMIN_TOKEN } from '../support/test-app';

describe('token guessing is throttled per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_FAILURES_PER_MINUTE: '10' });
  });
  afterAll(() => t.close());

  it('answers 401 to the first 10 unknown tokens in a minute, then 429 with Retry-After without asking the database', async () => {
    const lookups = jest.spyOn(t.app.get(ApiTokenRepository), 'findActiveByHash');
    for (let i = 0; i < 10; i++) {
      const res = await api(t.baseUrl, '/api/admin/feeds', { token: `tsk_guess_${i}` });
      expect(res.status).toBe(401);
    }
    const eleventh = await api(t.baseUrl, '/api/admin/feeds', { token: 'tsk_guess_10' });
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error.code).toBe('rate_limited');
    expect(lookups).toHaveBeenCalledTimes(11);

    // From now on the address is refused before its token is looked up, whatever it sends.
    for (let i = 0; i < 50; i++) {
      const res = await api(t.baseUrl, '/api/admin/evidence', { token: `tsk_more_${i}` });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    }
    expect((await api(t.baseUrl, '/api/admin/feeds', { token: TEST_ADMIN_TOKEN })).status).toBe(429);
    expect(lookups).toHaveBeenCalledTimes(11);
    lookups.mockRestore();
  });

  it('leaves public routes and requests without a token alone', async () => {
    expect((await api(t.baseUrl, '/api/trends', { token: null })).status).toBe(200);
    expect((await api(t.baseUrl, '/api/admin/feeds', { token: null })).status).toBe(401);
  });
});
