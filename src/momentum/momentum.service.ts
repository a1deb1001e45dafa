import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import type { Trend } from '../generated/prisma/client';
import { TrendService } from '../trends/trend.service';
import { buildSeries, MomentumSummary, SeriesPoint, summariseMomentum } from './momentum-math';
import { MomentumWindow, resolveWindow, WindowError } from './momentum-window';
import { MomentumRepository, StrongEvidenceRow } from './momentum.repository';

export interface TrendMomentum {
  trend: Trend;
  window: MomentumWindow;
  series: SeriesPoint[];
  momentum: MomentumSummary;
}

export interface ScorecardEntry extends TrendMomentum {
  strongest: StrongEvidenceRow[];
  lastEvidenceAt: Date | null;
}

export type MomentumQuery = { interval?: string; from?: string; to?: string; asOf?: string };

/** Momentum per prediction from the rollups: one query for evidence, one for article volume. */
@Injectable()
export class MomentumService {
  constructor(
    private readonly rollups: MomentumRepository,
    private readonly trends: TrendService,
  ) {}

  async forTrend(key: string, query: MomentumQuery, now = new Date()): Promise<TrendMomentum> {
    const window = this.window(query, now);
    const trend = await this.trends.get(key);
    const [result] = await this.compute([trend], window);
    return result!;
  }

  async scorecard(query: MomentumQuery, now = new Date()): Promise<ScorecardEntry[]> {
    const window = this.window(query, now);
    const trends = await this.trends.list();
    const ids = trends.map((t) => t.id);
    const [results, strongest, latest] = await Promise.all([
      this.compute(trends, window),
      this.rollups.strongestRecentAccepted(ids, window.asOf, 3),
      this.rollups.lastEvidenceAt(ids, window.asOf),
    ]);
    return results.map((r) => ({
      ...r,
      strongest: strongest.filter((s) => s.trendId === r.trend.id),
      lastEvidenceAt: latest.find((l) => l.trendId === r.trend.id)?.at ?? null,
    }));
  }

  private window(query: MomentumQuery, now: Date): MomentumWindow {
    try {
      return resolveWindow(query, now);
    } catch (error) {
      if (error instanceof WindowError) throw AppError.badRequest('invalid_window', error.message, { field: error.field });
      throw error;
    }
  }

  private async compute(trends: Trend[], window: MomentumWindow): Promise<TrendMomentum[]> {
    const [trendRows, articleDays] = await Promise.all([
      this.rollups.trendPeriods(trends.map((t) => t.id), window.fromDay, window.toDay, window.interval),
      this.rollups.articlePeriods(window.fromDay, window.toDay, window.interval),
    ]);
    const periods = [...window.warmup, ...window.periods];
    return trends.map((trend) => {
      const full = buildSeries({ periods, trendDays: trendRows.filter((r) => r.trendId === trend.id), articleDays });
      const series = full.slice(window.warmup.length);
      return { trend, window, series, momentum: summariseMomentum(series) };
    });
  }
}
