import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Delivery } from '../generated/prisma/client';
import { DeliveryStatus, MAX_DELIVERY_ATTEMPTS, SENDING_LEASE_MS } from './delivery-policy';

export interface ClaimedDelivery {
  id: number;
  digestId: number;
  channel: string;
  target: string;
  /** Including the attempt just claimed. */
  attempts: number;
}

/**
 * The delivery log and its state machine: pending -> sending -> delivered | pending (retry) | failed.
 * Every transition is one conditional UPDATE, so two instances can never both move a row.
 * Times come from the database clock so every instance agrees on what is due.
 */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Claims up to `limit` due deliveries for this caller: SKIP LOCKED lets concurrent claimers take
   * disjoint rows without waiting. A claimed row is 'sending' with a lease in next_attempt_at; if
   * its sender dies, the row becomes due again when the lease runs out (at-least-once after a crash).
   */
  claimDue(limit: number): Promise<ClaimedDelivery[]> {
    return this.prisma.$queryRaw<ClaimedDelivery[]>`
      UPDATE deliveries d
      SET status = 'sending', attempts = d.attempts + 1,
          next_attempt_at = now() + ${SENDING_LEASE_MS} * interval '1 millisecond'
      FROM (
        SELECT id FROM deliveries
        WHERE status IN ('pending', 'sending') AND next_attempt_at <= now() AND attempts < ${MAX_DELIVERY_ATTEMPTS}
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ) due
      WHERE d.id = due.id
      RETURNING d.id, d.digest_id AS "digestId", d.channel, d.target, d.attempts`;
  }

  async markDelivered(id: number): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE deliveries SET status = 'delivered', delivered_at = now(), last_error = NULL
      WHERE id = ${id} AND status = 'sending'`;
  }

  async markFailedAttempt(
    id: number,
    error: string,
    status: Extract<DeliveryStatus, 'pending' | 'failed'>,
    delayMs: number,
  ): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE deliveries
      SET status = ${status}, last_error = ${error.slice(0, 1000)},
          next_attempt_at = now() + ${delayMs} * interval '1 millisecond'
      WHERE id = ${id} AND status = 'sending'`;
  }

  /** Newest first; `beforeId` is the id of the last row of the previous page. */
  list(filter: { digestId?: number; status?: string; beforeId?: number; limit: number }): Promise<Delivery[]> {
    return this.prisma.delivery.findMany({
      where: {
        ...(filter.digestId ? { digestId: filter.digestId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.beforeId ? { id: { lt: filter.beforeId } } : {}),
      },
      orderBy: { id: 'desc' },
      take: filter.limit,
    });
  }
}
