import { Inject, Injectable } from '@nestjs/common';
import { AuthFailureThrottle } from '../auth/auth-failure-throttle';
import { AppError } from '../common/app-error';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { scrapeAccess } from './scrape-access';

/** Why /metrics is not served: one message for the main port and the metrics listener. */
export const METRICS_OFF_MESSAGE =
  'metrics are not served here: see METRICS_ENABLED, METRICS_PORT and METRICS_TOKEN in the README';
const METRICS_TOKEN_MESSAGE = 'metrics need Authorization: Bearer <METRICS_TOKEN>';

export type ScrapeDecision = { allowed: true } | { allowed: false; error: AppError; retryAfter?: number };

/**
 * Whether a /metrics request is served, on the main port or the metrics listener. A wrong
 * METRICS_TOKEN counts against the address in the same failure throttle as a wrong API token
 * (AUTH_FAILURES_PER_MINUTE), and a throttled address is refused before its token is compared:
 * the token is one secret in memory, so without this it could be guessed at the request rate.
 */
@Injectable()
export class ScrapeAuthorizer {
  constructor(
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly failures: AuthFailureThrottle,
  ) {}

  async decide(
    where: 'main-port' | 'metrics-port',
    authorization: string | undefined,
    address: string | undefined,
  ): Promise<ScrapeDecision> {
    const access = scrapeAccess(this.env.metrics, where, authorization);
    if (access === 'off') return { allowed: false, error: new AppError('not_found', 'not_found', METRICS_OFF_MESSAGE) };
    if (this.env.metrics.token !== null) {
      const waiting = this.failures.blockedFor(address);
      if (waiting !== null) return { allowed: false, error: this.failures.refusal(waiting), retryAfter: waiting };
    }
    if (access === 'allowed') return { allowed: true };
    // Only a token that was presented and wrong is a guess; a scrape with no header is a misconfiguration.
    const blocked = authorization === undefined ? null : await this.failures.recordFailure(address);
    if (blocked !== null) return { allowed: false, error: this.failures.refusal(blocked), retryAfter: blocked };
    return { allowed: false, error: new AppError('unauthenticated', 'unauthorized', METRICS_TOKEN_MESSAGE) };
  }
}
