import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { EvidenceStance } from './digest.types';

export interface NewEvidenceCount {
  trendId: number;
  stance: EvidenceStance;
  count: number;
}

export interface TopEvidenceRow {
  trendId: number;
  title: string;
  url: string | null;
  publishedAt: Date;
  stance: EvidenceStance;
  score: number;
}

/**
 * Evidence figures for one digest period. "New in the period" means stored by the service in the
 * period (evidence.created_at), not published in it: an article that arrives late, or a feed
 * backfilled with old items, is reported once in the next digest instead of falling into a
 * period whose digest was already sent. Its publication date is shown with it.
 */
@Injectable()
export class DigestEvidenceRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Pending and accepted evidence first stored in [from, to), per trend and stance; rejected is not news. */
  newByStance(from: Date, to: Date): Promise<NewEvidenceCount[]> {
    return this.prisma.$queryRaw<NewEvidenceCount[]>`
      SELECT trend_id AS "trendId", stance, count(*)::int AS count
      FROM evidence
      WHERE created_at >= ${from} AND created_at < ${to} AND status <> 'rejected'
      GROUP BY 1, 2`;
  }

  /** Evidence stored before `to` that still awaits review now. */
  pendingBefore(to: Date): Promise<{ trendId: number; count: number }[]> {
    return this.prisma.$queryRaw<{ trendId: number; count: number }[]>`
      SELECT trend_id AS "trendId", count(*)::int AS count
      FROM evidence
      WHERE status = 'pending' AND created_at < ${to}
      GROUP BY 1`;
  }

  /** The strongest accepted evidence first stored in [from, to), at most `perTrend` per trend. */
  topAccepted(from: Date, to: Date, perTrend: number): Promise<TopEvidenceRow[]> {
    return this.prisma.$queryRaw<TopEvidenceRow[]>`
      SELECT "trendId", title, url, "publishedAt", stance, score FROM (
        SELECT e.trend_id AS "trendId", a.title, a.url, e.published_at AS "publishedAt", e.stance, e.score,
               row_number() OVER (PARTITION BY e.trend_id ORDER BY e.score DESC, e.published_at DESC, e.id) AS rank
        FROM evidence e JOIN articles a ON a.id = e.article_id
        WHERE e.status = 'accepted' AND e.created_at >= ${from} AND e.created_at < ${to}
      ) ranked
      WHERE rank <= ${perTrend}
      ORDER BY "trendId", score DESC`;
  }
}
