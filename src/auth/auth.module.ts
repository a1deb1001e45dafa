import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminGuard } from './admin.guard';
import { AdminRateLimiter } from './admin-rate-limiter';
import { ApiTokenRepository } from './api-token.repository';
import { AuthService } from './auth.service';
import { TokenController } from './token.controller';

/** Global: any feature marks its admin routes with @RequireRole and the guard does the rest. */
@Global()
@Module({
  controllers: [TokenController],
  providers: [ApiTokenRepository, AuthService, AdminRateLimiter, { provide: APP_GUARD, useClass: AdminGuard }],
  exports: [AuthService],
})
export class AuthModule {}
