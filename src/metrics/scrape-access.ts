import { bearerToken } from '../auth/admin.guard';
import { secretsEqual } from '../auth/token-hash';
import type { MetricsSettings } from '../config/env';

/**
 * Who may read /metrics. `off`: not served here (disabled, or the main port without a token set);
 * `token-required`: a token is set and the request does not carry it; `allowed`.
 * The separate listener is served without a token unless one is set: its bind address (loopback by
 * default) is its protection. The main port is public, so there a token is always needed.
 */
export type ScrapeAccess = 'allowed' | 'token-required' | 'off';

export function scrapeAccess(
  settings: MetricsSettings,
  where: 'main-port' | 'metrics-port',
  authorization: string | undefined,
): ScrapeAccess {
  if (!settings.enabled) return 'off';
  if (settings.token === null) return where === 'metrics-port' ? 'allowed' : 'off';
  const presented = bearerToken(authorization);
  return presented !== null && secretsEqual(presented, settings.token) ? 'allowed' : 'token-required';
}
