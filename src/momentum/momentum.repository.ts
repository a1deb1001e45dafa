import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { ArticleDayRollup, EvidenceStance, EvidenceStatus, TrendDayRollup } from './momentum-math';
import type { PeriodInterval } from './periods';

export interface TrendPeriodRollup extends TrendDayRollup {
  trendId: number;
}

export interface StrongEvidenceRow {
  trendId: number;
  evidenceId: number;
  score: number;
  stance: string;
  publishedAt: Date;
  title: string;
  url: string | null;
}

const RECENT_ACCEPTED_WINDOW = 50;

/**
 * Reads the daily rollups, already summed per period in SQL so a request returns at most
 * (periods x statuses x stances) rows per trend, whatever the number of evidence rows. Days are
 * labelled by their period's first day, which the momentum maths buckets back into that period.
 * Days are UTC calendar days passed as 'YYYY-MM-DD' so the session time zone never matters.
 */
@Injectable()
export class MomentumRepository {
  constructor(private readonly prisma: PrismaService) {}

  async trendPeriods(trendIds: number[], fromDay: string, toDay: string, interval: PeriodInterval): Promise<TrendPeriodRollup[]> {
    const rows = await this.prisma.$queryRaw<{ trend_id: number; day: string; status: string; stance: string; count: number; score_sum: number }[]>`
      SELECT trend_id, to_char(date_trunc(${interval}, day), 'YYYY-MM-DD') AS day, status, stance,
             sum(count)::int AS count, sum(score_sum)::float8 AS score_sum
      FROM trend_daily_rollups
      WHERE trend_id = ANY(${trendIds}::int[]) AND day >= ${fromDay}::date AND day <= ${toDay}::date AND count <> 0
      GROUP BY 1, 2, 3, 4`;
    return rows.map((r) => ({
      trendId: r.trend_id,
      day: r.day,
      status: r.status as EvidenceStatus,
      stance: r.stance as EvidenceStance,
      count: r.count,
      scoreSum: r.score_sum,
    }));
  }

  async articlePeriods(fromDay: string, toDay: string, interval: PeriodInterval): Promise<ArticleDayRollup[]> {
    return this.prisma.$queryRaw<ArticleDayRollup[]>`
      SELECT to_char(date_trunc(${interval}, day), 'YYYY-MM-DD') AS day, sum(count)::int AS count
      FROM article_daily_rollups
      WHERE day >= ${fromDay}::date AND day <= ${toDay}::date
      GROUP BY 1`;
  }

  /**
   * The strongest of each trend's latest accepted evidence up to `asOf`: the newest
   * RECENT_ACCEPTED_WINDOW rows by an index range, then the top `perTrend` by score.
   */
  strongestRecentAccepted(trendIds: number[], asOf: Date, perTrend: number): Promise<StrongEvidenceRow[]> {
    return this.prisma.$queryRaw<StrongEvidenceRow[]>`
      SELECT t.id AS "trendId", e.id AS "evidenceId", e.score, e.stance, e.published_at AS "publishedAt", a.title, a.url
      FROM unnest(${trendIds}::int[]) AS t(id)
      CROSS JOIN LATERAL (
        SELECT * FROM (
          SELECT id, score, stance, published_at, article_id FROM evidence
          WHERE trend_id = t.id AND status = 'accepted' AND published_at <= ${asOf}
          ORDER BY published_at DESC LIMIT ${RECENT_ACCEPTED_WINDOW}
        ) recent ORDER BY score DESC, published_at DESC LIMIT ${perTrend}
      ) e
      JOIN articles a ON a.id = e.article_id
      ORDER BY t.id, e.score DESC`;
  }

  /** Newest accepted or pending evidence per trend up to `asOf`: two index probes per trend. */
  lastEvidenceAt(trendIds: number[], asOf: Date): Promise<{ trendId: number; at: Date | null }[]> {
    return this.prisma.$queryRaw<{ trendId: number; at: Date | null }[]>`
      SELECT t.id AS "trendId", GREATEST(
        (SELECT max(published_at) FROM evidence WHERE trend_id = t.id AND status = 'accepted' AND published_at <= ${asOf}),
        (SELECT max(published_at) FROM evidence WHERE trend_id = t.id AND status = 'pending' AND published_at <= ${asOf})
      ) AS at
      FROM unnest(${trendIds}::int[]) AS t(id)`;
  }

  /**
   * Recomputes both rollup tables from evidence and articles. The SHARE locks keep writers out
   * while it runs, so no trigger increment can land between the delete and the re-insert.
   */
  async rebuild(): Promise<{ trendRows: number; articleRows: number }> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('LOCK TABLE evidence, articles IN SHARE MODE');
        await tx.$executeRawUnsafe('DELETE FROM trend_daily_rollups');
        await tx.$executeRawUnsafe('DELETE FROM article_daily_rollups');
        const trendRows = await tx.$executeRawUnsafe(`
          INSERT INTO trend_daily_rollups (trend_id, day, status, stance, count, score_sum)
          SELECT trend_id, (published_at AT TIME ZONE 'UTC')::date, status, stance, count(*), sum(score)
          FROM evidence GROUP BY 1, 2, 3, 4`);
        const articleRows = await tx.$executeRawUnsafe(`
          INSERT INTO article_daily_rollups (day, count)
          SELECT (published_at AT TIME ZONE 'UTC')::date, count(*) FROM articles GROUP BY 1`);
        return { trendRows, articleRows };
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  }
}
