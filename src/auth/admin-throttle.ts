import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, ThrottlerModuleOptions } from '@nestjs/throttler';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import type { AuthedRequest } from './admin.guard';

/**
 * ADMIN_RATE_LIMIT_PER_MINUTE per token on admin routes, with @nestjs/throttler. It is keyed by the
 * authenticated principal (not the client address) so one runaway script cannot starve other
 * reviewers behind the same proxy; it runs after AdminGuard (registered after it), which has put
 * the principal on the request, and skips routes that need no token. Counters are in memory, per
 * instance: enough to stop a runaway client.
 */
export const adminThrottlerModule = ThrottlerModule.forRootAsync({
  inject: [APP_ENV],
  useFactory: (env: AppEnv): ThrottlerModuleOptions => ({
    // The name 'default' makes the guard send a plain Retry-After header.
    throttlers: [{ name: 'default', ttl: 60_000, limit: env.adminRateLimitPerMinute }],
    errorMessage: (_context, detail) =>
      `more than ${detail.limit} admin requests per minute for this token; retry in ${detail.timeToBlockExpire} s`,
  }),
});

@Injectable()
export class AdminThrottlerGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(!context.switchToHttp().getRequest<AuthedRequest>().principal);
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const { principal } = req as unknown as AuthedRequest;
    return Promise.resolve(
      principal?.tokenId === null || principal === undefined ? 'env:ADMIN_TOKEN' : `token:${principal.tokenId}`,
    );
  }
}
