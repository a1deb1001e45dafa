import { Inject, Injectable, Logger } from '@nestjs/common';
import { foundOr404 } from '../common/app-error';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import type { ApiToken } from '../generated/prisma/client';
import { ApiTokenRepository } from './api-token.repository';
import { Principal, Role } from './roles';
import { generateToken, hashToken, secretsEqual, TOKEN_PREFIX } from './token-hash';
import { Clock } from '../common/clock';

const TOUCH_EVERY_MS = 60_000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly lastTouched = new Map<number, number>();

  constructor(
    private readonly tokens: ApiTokenRepository,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly clock: Clock,
  ) {}

  /** Resolves a bearer token to who is calling, or null when it is unknown or revoked. */
  async authenticate(token: string): Promise<Principal | null> {
    if (this.env.adminToken && secretsEqual(token, this.env.adminToken)) {
      return { tokenId: null, name: 'ADMIN_TOKEN', role: 'admin' };
    }
    const stored = await this.tokens.findActiveByHash(hashToken(token));
    if (!stored) return null;
    this.recordUse(stored.id);
    return { tokenId: stored.id, name: stored.name, role: stored.role as Role };
  }

  async issue(name: string, role: Role): Promise<{ token: string; record: ApiToken }> {
    const token = generateToken();
    const record = await this.tokens.create({
      name,
      role,
      tokenHash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    });
    return { token, record };
  }

  list(): Promise<ApiToken[]> {
    return this.tokens.list();
  }

  async revoke(id: number): Promise<ApiToken> {
    const revoked = foundOr404(await this.tokens.revoke(id), 'token', id);
    return revoked;
  }

  private recordUse(id: number): void {
    const now = this.clock.now().getTime();
    if (now - (this.lastTouched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
    this.lastTouched.set(id, now);
    this.tokens.touch(id, new Date(now)).catch((e) => this.logger.warn(`could not record token use: ${e}`));
  }
}
