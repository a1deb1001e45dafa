import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { TrendResolution } from '../generated/prisma/client';
import type { KnownItem } from './verdict';
import { decodeItem, ItemTuple, VerdictRow, verdictReadStatement } from './verdict-read.sql';

export interface VerdictTrendRow {
  id: number;
  number: number;
  slug: string;
}

export interface VerdictRead {
  trends: VerdictTrendRow[];
  items: KnownItem[];
  /** Every resolution recorded by asOf, oldest first. */
  resolutions: TrendResolution[];
}

export interface NewResolution {
  trendId: number;
  outcome: string;
  rationaleZh: string | null;
  rationaleEn: string | null;
  evidenceIds: number[];
  beforeHorizon: boolean;
  actor: string;
}

@Injectable()
export class VerdictRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every prediction's newest accepted items and resolutions as known at asOf. */
  async read(asOf: Date): Promise<VerdictRead> {
    const [{ rows }, resolutions] = await Promise.all([
      this.prisma.pool.query<VerdictRow>(verdictReadStatement(asOf)),
      this.resolutions({ createdAt: { lte: asOf } }),
    ]);
    const row = rows[0]!;
    return {
      trends: (row.trends ?? []).map(([id, number, slug]) => ({ id, number, slug })),
      items: (row.items ?? []).map(decodeItem),
      resolutions,
    };
  }

  /** Every accepted item published by asOf, newest first, with when it became known (monthly track record; not bounded). */
  async allAccepted(asOf: Date): Promise<KnownItem[]> {
    const rows = await this.prisma.$queryRaw<{ row: ItemTuple }[]>`
      SELECT json_build_array(e.trend_id, e.id, e.stance, e.score, a.url, round(extract(epoch FROM e.published_at) * 1000),
             round(extract(epoch FROM GREATEST(e.published_at, COALESCE(e.reviewed_at, e.created_at))) * 1000)) AS row
      FROM evidence e JOIN articles a ON a.id = e.article_id
      WHERE e.status = 'accepted' AND e.published_at <= ${asOf}
      ORDER BY e.published_at DESC`;
    return rows.map((r) => decodeItem(r.row));
  }

  resolutions(where: { trendId?: number; createdAt?: { lte: Date } }): Promise<TrendResolution[]> {
    return this.prisma.trendResolution.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** Which of these ids are evidence of this trend (a resolution may only cite its own). */
  async evidenceOfTrend(trendId: number, ids: number[]): Promise<number[]> {
    const rows = await this.prisma.evidence.findMany({ where: { trendId, id: { in: ids } }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** Appends a resolution and its audit row in one transaction; `before` is the one it supersedes. */
  append(input: NewResolution): Promise<TrendResolution> {
    return this.prisma.$transaction(async (tx) => {
      // Serialise resolutions of one trend so `before` in the audit is the one really superseded.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707413, ${input.trendId})`;
      const previous = await tx.trendResolution.findFirst({
        where: { trendId: input.trendId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      const { actor, ...fields } = input;
      const created = await tx.trendResolution.create({ data: { ...fields, resolvedBy: actor } });
      await tx.reviewAudit.create({
        data: {
          resolutionId: created.id,
          actor,
          action: 'resolve',
          before: previous ? auditState(previous) : {},
          after: auditState(created),
        },
      });
      return created;
    });
  }
}

function auditState(r: TrendResolution) {
  return {
    resolutionId: r.id,
    trendId: r.trendId,
    outcome: r.outcome,
    rationaleZh: r.rationaleZh,
    rationaleEn: r.rationaleEn,
    evidenceIds: r.evidenceIds,
    beforeHorizon: r.beforeHorizon,
  };
}
