import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { ArticleDayRollup, EvidenceStance, EvidenceStatus, TrendDayRollup } from './momentum-math';
import { nextPeriodStart, PeriodInterval, periodStartOf } from './periods';

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
const DAY_MS = 86_400_000;

interface PeriodRow {
  trend_id: number;
  day: string;
  status: string;
  stance: string;
  count: number;
  score_sum: number;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The six status x stance cells of a weekly row, in the column order of trend_weekly_cells. */
const WEEK_CELLS = (['accepted', 'pending', 'rejected'] as const).flatMap((status) =>
  (['supports', 'contradicts'] as const).map((stance) => ({ status, stance, count: `${status}_${stance}_count`, score: `${status}_${stance}_score` })),
);

type WeekCellsRow = { trend_id: number; week_day: string } & Record<string, number>;

/** One weekly row back into the per-cell rows the momentum maths reads (empty cells dropped). */
function cellsToRows(row: WeekCellsRow): PeriodRow[] {
  const day = row.week_day;
  const rows: PeriodRow[] = [];
  for (const cell of WEEK_CELLS) {
    const count = row[cell.count]!;
    if (count !== 0) rows.push({ trend_id: row.trend_id, day, status: cell.status, stance: cell.stance, count, score_sum: row[cell.score]! });
  }
  return rows;
}

/**
 * Reads the daily (and weekly) rollups, already summed per period in SQL so a request returns at most
 * (periods x statuses x stances) rows per trend, whatever the number of evidence rows. Days are
 * labelled by their period's first day, which the momentum maths buckets back into that period.
 * Days are UTC calendar days passed as 'YYYY-MM-DD' so the session time zone never matters.
 */
@Injectable()
export class MomentumRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Weeks come from the weekly rollups, except a last week that `toDay` cuts short (time travel
   * to mid-week), which is summed from its days up to `toDay`. Days and months come from the
   * daily rollups. Either way at most one row per (trend, period, status, stance).
   */
  async trendPeriods(trendIds: number[], fromDay: string, toDay: string, interval: PeriodInterval): Promise<TrendPeriodRollup[]> {
    const rows = interval === 'week' ? await this.weeklyRows(trendIds, fromDay, toDay) : await this.dailyRows(trendIds, fromDay, toDay, interval);
    return rows.map((r) => ({
      trendId: r.trend_id,
      day: r.day,
      status: r.status as EvidenceStatus,
      stance: r.stance as EvidenceStance,
      count: r.count,
      scoreSum: r.score_sum,
    }));
  }

  private dailyRows(trendIds: number[], fromDay: string, toDay: string, interval: PeriodInterval): Promise<PeriodRow[]> {
    return this.prisma.$queryRaw<PeriodRow[]>`
      SELECT trend_id, to_char(date_trunc(${interval}, day), 'YYYY-MM-DD') AS day, status, stance,
             sum(count)::int AS count, sum(score_sum)::float8 AS score_sum
      FROM trend_daily_rollups
      WHERE trend_id = ANY(${trendIds}::int[]) AND day >= ${fromDay}::date AND day <= ${toDay}::date AND count <> 0
      GROUP BY 1, 2, 3, 4`;
  }

  /**
   * Whole weeks from trend_weekly_cells (one row per trend and week, a column pair per status and
   * stance, so a year of ten trends is ~520 rows); a week that toDay cuts short is summed from its
   * days. fromDay is a Monday (windows are period-aligned).
   */
  private async weeklyRows(trendIds: number[], fromDay: string, toDay: string): Promise<PeriodRow[]> {
    const last = new Date(`${toDay}T00:00:00Z`);
    const lastWeek = periodStartOf(last, 'week');
    const lastWeekWhole = nextPeriodStart(lastWeek, 'week').getTime() - DAY_MS === last.getTime();
    const partial = isoDay(lastWeekWhole ? nextPeriodStart(lastWeek, 'week') : lastWeek);
    const [weeks, partialWeek] = await Promise.all([
      this.prisma.$queryRaw<WeekCellsRow[]>`
        SELECT c.*, c.week::text AS week_day FROM trend_weekly_cells c
        WHERE trend_id = ANY(${trendIds}::int[]) AND week >= ${fromDay}::date AND week < ${partial}::date`,
      this.prisma.$queryRaw<PeriodRow[]>`
        SELECT trend_id, ${partial}::text AS day, status, stance, sum(count)::int AS count, sum(score_sum)::float8 AS score_sum
        FROM trend_daily_rollups
        WHERE trend_id = ANY(${trendIds}::int[]) AND day >= ${partial}::date AND day <= ${toDay}::date AND count <> 0
        GROUP BY trend_id, status, stance`,
    ]);
    return [...weeks.flatMap(cellsToRows), ...partialWeek];
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
   * Recomputes the rollup tables from evidence and articles (weeks from the rebuilt days). The
   * SHARE locks keep writers out while it runs, so no trigger increment can land between the delete and the re-insert.
   */
  async rebuild(): Promise<{ trendRows: number; trendWeekRows: number; articleRows: number }> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('LOCK TABLE evidence, articles IN SHARE MODE');
        await tx.$executeRawUnsafe('DELETE FROM trend_daily_rollups');
        await tx.$executeRawUnsafe('DELETE FROM article_daily_rollups');
        const trendRows = await tx.$executeRawUnsafe(`
          INSERT INTO trend_daily_rollups (trend_id, day, status, stance, count, score_sum)
          SELECT trend_id, (published_at AT TIME ZONE 'UTC')::date, status, stance, count(*), sum(score)
          FROM evidence GROUP BY 1, 2, 3, 4`);
        const [{ refilled }] = await tx.$queryRawUnsafe<{ refilled: bigint }[]>('SELECT refill_trend_weekly_cells() AS refilled');
        const trendWeekRows = Number(refilled);
        const articleRows = await tx.$executeRawUnsafe(`
          INSERT INTO article_daily_rollups (day, count)
          SELECT (published_at AT TIME ZONE 'UTC')::date, count(*) FROM articles GROUP BY 1`);
        return { trendRows, trendWeekRows, articleRows };
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  }
}
