import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthedRequest } from './admin.guard';
import type { Principal } from './roles';

/** The caller resolved by AdminGuard; routes behind RequireRole always have one. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without RequireRole');
  return principal;
});
