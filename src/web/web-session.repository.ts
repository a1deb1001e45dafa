import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { ApiToken, WebSession } from '../generated/prisma/client';

export type SessionWithToken = WebSession & { apiToken: Pick<ApiToken, 'revokedAt'> | null };

@Injectable()
export class WebSessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: {
    sessionHash: string;
    apiTokenId: number | null;
    principalName: string;
    role: string;
    expiresAt: Date;
  }): Promise<WebSession> {
    return this.prisma.webSession.create({ data });
  }

  findLive(sessionHash: string, now: Date): Promise<SessionWithToken | null> {
    return this.prisma.webSession.findFirst({
      where: { sessionHash, expiresAt: { gt: now } },
      include: { apiToken: { select: { revokedAt: true } } },
    });
  }

  async deleteByHash(sessionHash: string): Promise<void> {
    await this.prisma.webSession.deleteMany({ where: { sessionHash } });
  }

  /** Expired rows are dead weight only; cleared whenever someone signs in. */
  async deleteExpired(now: Date): Promise<void> {
    await this.prisma.webSession.deleteMany({ where: { expiresAt: { lte: now } } });
  }
}
