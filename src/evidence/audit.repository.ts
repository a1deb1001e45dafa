import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { ReviewAudit } from '../generated/prisma/client';

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Newest first. Ids grow with time, so they order and page the log without ties. */
  list(evidenceId: number | undefined, beforeId: number | null, take: number): Promise<ReviewAudit[]> {
    return this.prisma.reviewAudit.findMany({
      where: {
        ...(evidenceId !== undefined ? { evidenceId } : {}),
        ...(beforeId !== null ? { id: { lt: beforeId } } : {}),
      },
      orderBy: { id: 'desc' },
      take,
    });
  }
}
