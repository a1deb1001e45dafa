import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { ApiToken } from '../generated/prisma/client';
import { Clock } from '../common/clock';

@Injectable()
export class ApiTokenRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  findActiveByHash(tokenHash: string): Promise<ApiToken | null> {
    return this.prisma.apiToken.findFirst({ where: { tokenHash, revokedAt: null } });
  }

  create(data: { name: string; role: string; tokenHash: string; prefix: string }): Promise<ApiToken> {
    return this.prisma.apiToken.create({ data });
  }

  list(): Promise<ApiToken[]> {
    return this.prisma.apiToken.findMany({ orderBy: { id: 'asc' } });
  }

  async revoke(id: number): Promise<ApiToken | null> {
    const found = await this.prisma.apiToken.findUnique({ where: { id } });
    if (!found) return null;
    if (found.revokedAt) return found;
    return this.prisma.apiToken.update({ where: { id }, data: { revokedAt: this.clock.now() } });
  }

  /** Best effort and throttled by the caller: last-used time is informational. */
  async touch(id: number, at: Date): Promise<void> {
    await this.prisma.apiToken.update({ where: { id }, data: { lastUsedAt: at } });
  }
}
