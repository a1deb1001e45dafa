import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Digest } from '../generated/prisma/client';
import type { DigestContent } from './digest.types';

/** Where a new digest goes; one Delivery row each, created with the digest. */
export interface DeliveryDestination {
  channel: 'webhook' | 'email';
  target: string;
}

export type StoredDigest = Omit<Digest, 'content'> & { content: DigestContent };

@Injectable()
export class DigestRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Where the scheduled sequence stands: the end of the latest scheduled digest (requested ones are outside it). */
  async latestPeriodEnd(): Promise<Date | null> {
    const latest = await this.prisma.digest.findFirst({
      where: { requested: false },
      orderBy: { periodStart: 'desc' },
      select: { periodEnd: true },
    });
    return latest?.periodEnd ?? null;
  }

  /** Where the scheduled sequence began: requested digests must end by then. */
  async firstScheduledStart(): Promise<Date | null> {
    const first = await this.prisma.digest.findFirst({
      where: { requested: false },
      orderBy: { periodStart: 'asc' },
      select: { periodStart: true },
    });
    return first?.periodStart ?? null;
  }

  async findLatest(): Promise<StoredDigest | null> {
    return stored(await this.prisma.digest.findFirst({ orderBy: { periodStart: 'desc' } }));
  }

  async findById(id: number): Promise<StoredDigest | null> {
    return stored(await this.prisma.digest.findUnique({ where: { id } }));
  }

  async findByPeriodStart(periodStart: Date): Promise<StoredDigest | null> {
    return stored(await this.prisma.digest.findUnique({ where: { periodStart } }));
  }

  /** Newest first; `before` is the periodStart of the last row of the previous page. */
  async list(before: Date | undefined, limit: number): Promise<StoredDigest[]> {
    const rows = await this.prisma.digest.findMany({
      where: before ? { periodStart: { lt: before } } : {},
      orderBy: { periodStart: 'desc' },
      take: limit,
    });
    return rows.map((r) => stored(r)!);
  }

  /**
   * Stores the digest and its delivery rows in one transaction, or returns null when a digest for
   * this period start already exists (another run, maybe on another instance, got there first).
   * ON CONFLICT DO NOTHING makes the loser wait for the winner's commit and then step aside, so
   * neither run fails and deliveries are queued exactly once, by the winner.
   */
  insertWithDeliveries(
    content: DigestContent,
    requested: boolean,
    destinations: (tx: TxClient) => Promise<DeliveryDestination[]>,
  ): Promise<StoredDigest | null> {
    return this.prisma.$transaction(async (tx) => {
      const inserted = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO digests (period_start, period_end, content, requested)
        VALUES (${new Date(content.periodStart)}, ${new Date(content.periodEnd)}, ${JSON.stringify(content)}::jsonb, ${requested})
        ON CONFLICT (period_start) DO NOTHING
        RETURNING id`;
      const id = inserted[0]?.id;
      if (id === undefined) return null;
      const targets = await destinations(tx);
      if (targets.length > 0) {
        await tx.delivery.createMany({ data: targets.map((d) => ({ digestId: id, ...d })), skipDuplicates: true });
      }
      return stored(await tx.digest.findUniqueOrThrow({ where: { id } }));
    });
  }
}

/** content is only ever written by insertWithDeliveries, from a DigestContent. */
function stored(row: Digest): StoredDigest;
function stored(row: Digest | null): StoredDigest | null;
function stored(row: Digest | null): StoredDigest | null {
  return row as unknown as StoredDigest | null;
}

export type TxClient = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];
