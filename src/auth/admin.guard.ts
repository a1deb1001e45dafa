import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AppError } from '../common/app-error';
import { AuthFailureThrottle } from './auth-failure-throttle';
import { AuthService } from './auth.service';
import { Principal, Role, roleAllows } from './roles';

const REQUIRED_ROLE = 'requiredRole';

/** Marks a controller or route as needing a token of at least this role. */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

export type AuthedRequest = Request & { principal?: Principal };

/**
 * Missing or unknown token -> 401; a token whose role does not reach -> 403. An address that sent
 * too many unknown tokens -> 429, checked before its token is looked up (AuthFailureThrottle).
 * The per-token limit is AdminThrottlerGuard's, which runs next.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
    private readonly failures: AuthFailureThrottle,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const need = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!need) return true;
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const token = bearerToken(req.headers.authorization);
    if (!token)
      throw new AppError('unauthenticated', 'unauthorized', 'an API token is required: Authorization: Bearer <token>');
    const principal = await this.authenticate(token, req, res);
    if (!roleAllows(principal.role, need)) {
      throw new AppError(
        'forbidden',
        'forbidden',
        `this route needs the ${need} role; the token has ${principal.role}`,
      );
    }
    req.principal = principal;
    return true;
  }

  /** The token's principal; a throttled address is refused before the lookup, an unknown token counts against it. */
  private async authenticate(token: string, req: Request, res: Response): Promise<Principal> {
    const waiting = this.failures.blockedFor(req.ip);
    if (waiting !== null) throw this.tooManyFailures(waiting, res);
    const principal = await this.auth.authenticate(token);
    if (principal) return principal;
    const blocked = await this.failures.recordFailure(req.ip);
    if (blocked !== null) throw this.tooManyFailures(blocked, res);
    throw new AppError('unauthenticated', 'unauthorized', 'the API token is unknown or revoked');
  }

  private tooManyFailures(retryAfter: number, res: Response): AppError {
    res.setHeader('Retry-After', String(retryAfter));
    return this.failures.refusal(retryAfter);
  }
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
