import type { MetricsSettings } from '../../../src/config/env';
import { scrapeAccess } from '../../../src/metrics/scrape-access';

const TOKEN = 'metrics-token-0123456789abcdef';
const settings = (over: Partial<MetricsSettings> = {}): MetricsSettings => ({
  enabled: true,
  port: 9464,
  host: '127.0.0.1',
  token: null,
  ...over,
});

describe('scrapeAccess', () => {
  it('serves the metrics listener without a token when none is set, never the main port', () => {
    expect(scrapeAccess(settings(), 'metrics-port', undefined)).toBe('allowed');
    expect(scrapeAccess(settings(), 'main-port', undefined)).toBe('off');
    expect(scrapeAccess(settings(), 'main-port', `Bearer ${TOKEN}`)).toBe('off');
  });

  it('needs the token everywhere once one is set', () => {
    const withToken = settings({ token: TOKEN });
    for (const where of ['main-port', 'metrics-port'] as const) {
      expect(scrapeAccess(withToken, where, `Bearer ${TOKEN}`)).toBe('allowed');
      expect(scrapeAccess(withToken, where, undefined)).toBe('token-required');
      expect(scrapeAccess(withToken, where, `Bearer ${TOKEN}x`)).toBe('token-required');
      expect(scrapeAccess(withToken, where, TOKEN)).toBe('token-required');
    }
  });

  it('serves nothing when metrics are disabled', () => {
    const off = settings({ enabled: false, token: TOKEN });
    expect(scrapeAccess(off, 'metrics-port', `Bearer ${TOKEN}`)).toBe('off');
    expect(scrapeAccess(off, 'main-port', `Bearer ${TOKEN}`)).toBe('off');
  });
});
