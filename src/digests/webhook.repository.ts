import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Webhook } from '../generated/prisma/client';
import type { TxClient } from './digest.repository';

@Injectable()
export class WebhookRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(url: string, secret: string): Promise<Webhook> {
    return this.prisma.webhook.create({ data: { url, secret } });
  }

  findByUrl(url: string): Promise<Webhook | null> {
    return this.prisma.webhook.findUnique({ where: { url } });
  }

  findById(id: number): Promise<Webhook | null> {
    return this.prisma.webhook.findUnique({ where: { id } });
  }

  list(afterId: number | undefined, limit: number): Promise<Webhook[]> {
    return this.prisma.webhook.findMany({
      where: afterId ? { id: { gt: afterId } } : {},
      orderBy: { id: 'asc' },
      take: limit,
    });
  }

  async delete(id: number): Promise<void> {
    await this.prisma.webhook.delete({ where: { id } });
  }

  /** Read inside the digest's transaction, so the destinations match the moment it was stored. */
  async activeUrls(tx: TxClient): Promise<string[]> {
    const rows = await tx.webhook.findMany({ where: { active: true }, select: { url: true }, orderBy: { id: 'asc' } });
    return rows.map((r) => r.url);
  }
}
