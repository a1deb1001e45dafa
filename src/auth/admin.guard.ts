import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AppError } from '../common/app-error';
import { AdminRateLimiter } from './admin-rate-limiter';
import { AuthService } from './auth.service';
import { Principal, Role, roleAllows } from './roles';

const REQUIRED_ROLE = 'requiredRole';

/** Marks a controller or route as needing a token of at least this role. */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

export type AuthedRequest = Request & { principal?: Principal };

/** Missing or unknown token -> 401; a token whose role does not reach -> 403; over the per-token limit -> 429. */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
    private readonly rateLimiter: AdminRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const need = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!need) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearerToken(req.headers.authorization);
    if (!token)
      throw new AppError('unauthenticated', 'unauthorized', 'an API token is required: Authorization: Bearer <token>');
    const principal = await this.auth.authenticate(token);
    if (!principal) throw new AppError('unauthenticated', 'unauthorized', 'the API token is unknown or revoked');
    if (!roleAllows(principal.role, need)) {
      throw new AppError(
        'forbidden',
        'forbidden',
        `this route needs the ${need} role; the token has ${principal.role}`,
      );
    }
    await this.limit(principal, context.switchToHttp().getResponse<Response>());
    req.principal = principal;
    return true;
  }

  private async limit(principal: Principal, res: Response): Promise<void> {
    const retryAfter = await this.rateLimiter.hit(principal);
    if (retryAfter === null) return;
    res.setHeader('Retry-After', String(retryAfter));
    throw new AppError(
      'rate_limited',
      'rate_limited',
      `more than ${this.rateLimiter.limitPerMinute} admin requests per minute for this token; retry in ${retryAfter} s`,
    );
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
