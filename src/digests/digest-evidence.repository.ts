import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
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
 *
 * A digest asked for a past period (`dating` 'published') counts by publication instead: it is
 * built after the fact, from imported history the service stored long after that period.
 */
export type DigestDating = 'stored' | 'published';

/** The evidence column a period is matched on: a fixed fragment, never caller text. */
function datedColumn(dating: DigestDating): Prisma.Sql {
  return dating === 'published' ? Prisma.sql`e.published_at` : Prisma.sql`e.created_at`;
}

@Injectable()
export class DigestEvidenceRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Pending and accepted evidence first stored (or published) in [from, to), per trend and stance; rejected is not news. */
  newByStance(from: Date, to: Date, dating: DigestDating): Promise<NewEvidenceCount[]> {
    const at = datedColumn(dating);
    return this.prisma.$queryRaw<NewEvidenceCount[]>`
      SELECT e.trend_id AS "trendId", e.stance, count(*)::int AS count
      FROM evidence e
      WHERE ${at} >= ${from} AND ${at} < ${to} AND e.status <> 'rejected'
      GROUP BY 1, 2`;
  }

  /** Evidence stored (or published) before `to` that still awaits review now. */
  pendingBefore(to: Date, dating: DigestDating): Promise<{ trendId: number; count: number }[]> {
    return this.prisma.$queryRaw<{ trendId: number; count: number }[]>`
      SELECT e.trend_id AS "trendId", count(*)::int AS count
      FROM evidence e
      WHERE e.status = 'pending' AND ${datedColumn(dating)} < ${to}
      GROUP BY 1`;
  }

  /** The strongest accepted evidence first stored (or published) in [from, to), at most `perTrend` per trend. */
  topAccepted(from: Date, to: Date, perTrend: number, dating: DigestDating): Promise<TopEvidenceRow[]> {
    const at = datedColumn(dating);
    return this.prisma.$queryRaw<TopEvidenceRow[]>`
      SELECT "trendId", title, url, "publishedAt", stance, score FROM (
        SELECT e.trend_id AS "trendId", a.title, a.url, e.published_at AS "publishedAt", e.stance, e.score,
               row_number() OVER (PARTITION BY e.trend_id ORDER BY e.score DESC, e.published_at DESC, e.id) AS rank
        FROM evidence e JOIN articles a ON a.id = e.article_id
        WHERE e.status = 'accepted' AND ${at} >= ${from} AND ${at} < ${to}
      ) ranked
      WHERE rank <= ${perTrend}
      ORDER BY "trendId", score DESC`;
  }
}
