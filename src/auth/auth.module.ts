import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminGuard } from './admin.guard';
import { adminThrottlerModule, AdminThrottlerGuard } from './admin-throttle';
import { AuthFailureThrottle } from './auth-failure-throttle';
import { ApiTokenRepository } from './api-token.repository';
import { AuthService } from './auth.service';
import { TokenController } from './token.controller';

/** Global: any feature marks its admin routes with @RequireRole and the guard does the rest. */
@Global()
@Module({
  imports: [adminThrottlerModule],
  controllers: [TokenController],
  // Guards run in this order: who is calling (and failed-token throttling) first, then the per-token limit.
  providers: [
    ApiTokenRepository,
    AuthService,
    AuthFailureThrottle,
    { provide: APP_GUARD, useClass: AdminGuard },
    { provide: APP_GUARD, useClass: AdminThrottlerGuard },
  ],
  // The failure throttle is shared with /metrics: a guessed METRICS_TOKEN counts like a guessed API token.
  exports: [AuthService, AuthFailureThrottle],
})
export class AuthModule {}
