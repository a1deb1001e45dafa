import { Clock } from '../common/clock';
import { Inject, Injectable } from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { Principal, Role, roleAllows } from '../auth/roles';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { csrfTokenFor, newSecret, sessionHash } from './session-secrets';
import { WebSessionRepository } from './web-session.repository';

export interface OpenSession {
  principal: Principal;
  csrfToken: string;
}

/** The desk is for reviewers; admins may review too (as in the admin API). */
const DESK_ROLE: Role = 'reviewer';

/**
 * Exchanges an API token for a session of the review desk. The token is checked by AuthService,
 * the same check as the admin API's bearer tokens; a session lasts WEB_SESSION_HOURS and ends
 * early when its token is revoked or the session is signed out.
 */
@Injectable()
export class WebSessionService {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: WebSessionRepository,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly clock: Clock,
  ) {}

  /** The new session's cookie secret, or null when the token may not review. */
  async signIn(token: string, now = this.clock.now()): Promise<{ secret: string; maxAgeSeconds: number } | null> {
    const principal = await this.auth.authenticate(token.trim());
    if (!principal || !roleAllows(principal.role, DESK_ROLE)) return null;
    await this.sessions.deleteExpired(now);
    const secret = newSecret();
    const maxAgeSeconds = this.env.webSessionHours * 3600;
    await this.sessions.create({
      sessionHash: sessionHash(secret),
      apiTokenId: principal.tokenId,
      principalName: principal.name,
      role: principal.role,
      expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000),
    });
    return { secret, maxAgeSeconds };
  }

  /** Who the cookie belongs to, or null when it is unknown, expired or its token was revoked. */
  async resolve(secret: string | undefined, now = this.clock.now()): Promise<OpenSession | null> {
    if (!secret) return null;
    const session = await this.sessions.findLive(sessionHash(secret), now);
    if (!session) return null;
    if (session.apiTokenId !== null && (session.apiToken === null || session.apiToken.revokedAt !== null)) return null;
    if (session.apiTokenId === null && !this.env.adminToken) return null; // ADMIN_TOKEN was removed
    const principal: Principal = {
      tokenId: session.apiTokenId,
      name: session.principalName,
      role: session.role as Role,
    };
    return { principal, csrfToken: csrfTokenFor(secret) };
  }

  async signOut(secret: string | undefined): Promise<void> {
    if (secret) await this.sessions.deleteByHash(sessionHash(secret));
  }
}
