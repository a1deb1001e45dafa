import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import {
  StrongEvidenceRow,
  decodeMomentumRead,
  MomentumReadResult,
  MomentumReadRow,
  MomentumReadWindow,
  momentumValues,
  rollupParts,
  scorecardValues,
} from './momentum-read';
import { driversStatement, momentumStatement, scorecardStatement, Statement } from './momentum-read.sql';

const HISTORY_START = {
  name: 'momentum:history-start',
  text: 'SELECT min(oldest_published_at) AS start FROM imports',
};

/**
 * Reads the rollups for momentum and the scorecard, and rebuilds them. A read is one statement on
 * the `pg` pool under Prisma, prepared once per connection (named), so a request costs one round
 * trip and no re-planning, whatever the number of evidence rows.
 */
@Injectable()
export class MomentumRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One trend's rollups; no trends in the answer when it does not exist. */
  readTrend(trend: { slug: string } | { number: number }, window: MomentumReadWindow): Promise<MomentumReadResult> {
    return this.read(momentumStatement(rollupParts(window)), momentumValues(trend, window));
  }

  /** Every trend's rollups, strongest recent accepted evidence and last evidence date. */
  readScorecard(window: MomentumReadWindow, strongestPerTrend: number): Promise<MomentumReadResult> {
    return this.read(scorecardStatement(rollupParts(window)), scorecardValues(window, strongestPerTrend));
  }

  /**
   * The strongest accepted evidence of each given period (at most `perPeriod` each, published by
   * asOf): what a reader checks a direction against. Only the few periods that drove the slope
   * are asked for, so this reads a few weeks of one trend's accepted rows by index.
   */
  async strongestInPeriods(
    trendId: number,
    periods: { start: Date; end: Date }[],
    asOf: Date,
    perPeriod: number,
  ): Promise<StrongEvidenceRow[]> {
    if (periods.length === 0) return [];
    const { rows } = await this.prisma.pool.query<{
      id: number;
      score: number;
      stance: string;
      published_at: Date;
      title: string;
      url: string | null;
    }>(driversStatement(trendId, periods, asOf, perPeriod));
    return rows.map((r) => ({
      trendId,
      evidenceId: r.id,
      score: r.score,
      stance: r.stance,
      publishedAt: r.published_at,
      title: r.title,
      url: r.url,
    }));
  }

  /**
   * The oldest publication date any import brought in (null: nothing imported). A table of one
   * row per import, so this costs a round trip and no scan; polled articles do not count, or one
   * feed item dated years back would stretch every chart.
   */
  async historyStart(): Promise<Date | null> {
    const { rows } = await this.prisma.pool.query<{ start: Date | null }>(HISTORY_START);
    return rows[0]?.start ?? null;
  }

  private async read(statement: Statement, values: unknown[]): Promise<MomentumReadResult> {
    const { rows } = await this.prisma.pool.query<MomentumReadRow>({ ...statement, values });
    return decodeMomentumRead(rows[0]!);
  }

  /**
   * Recomputes the rollup tables from evidence and articles (weeks from the rebuilt days). The
   * SHARE locks keep writers out while it runs, so no trigger increment can land between the delete and the re-insert.
   */
  async rebuild(): Promise<{ trendRows: number; trendWeekRows: number; articleRows: number }> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`LOCK TABLE evidence, articles IN SHARE MODE`;
        await tx.$executeRaw`DELETE FROM trend_daily_rollups`;
        await tx.$executeRaw`DELETE FROM article_daily_rollups`;
        const trendRows = await tx.$executeRaw`
          INSERT INTO trend_daily_rollups (trend_id, day, status, stance, count, score_sum)
          SELECT trend_id, (published_at AT TIME ZONE 'UTC')::date, status, stance, count(*), sum(score)
          FROM evidence GROUP BY 1, 2, 3, 4`;
        const [{ refilled }] = await tx.$queryRaw<
          { refilled: bigint }[]
        >`SELECT refill_trend_weekly_cells() AS refilled`;
        const trendWeekRows = Number(refilled);
        const articleRows = await tx.$executeRaw`
          INSERT INTO article_daily_rollups (day, count)
          SELECT (published_at AT TIME ZONE 'UTC')::date, count(*) FROM articles GROUP BY 1`;
        return { trendRows, trendWeekRows, articleRows };
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  }
}
