import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { parseTrendKey } from '../trends/trend-key';
import { buildSeries, MomentumSummary, SeriesPoint, summariseMomentum } from './momentum-math';
import { MomentumReadResult, MomentumTrend, StrongEvidenceRow } from './momentum-read';
import { MomentumWindow, resolveWindow, WindowError } from './momentum-window';
import { MomentumRepository } from './momentum.repository';

export interface TrendMomentum {
  trend: MomentumTrend;
  window: MomentumWindow;
  series: SeriesPoint[];
  momentum: MomentumSummary;
}

export interface ScorecardEntry extends TrendMomentum {
  strongest: StrongEvidenceRow[];
  lastEvidenceAt: Date | null;
}

export type MomentumQuery = { interval?: string; from?: string; to?: string; asOf?: string };

const STRONGEST_PER_TREND = 3;

/**
 * Momentum per prediction from the rollups. Each request is one statement (MomentumRepository):
 * the trend itself comes back with its rollups, so nothing is cached and nothing can go stale.
 */
@Injectable()
export class MomentumService {
  constructor(private readonly rollups: MomentumRepository) {}

  async forTrend(key: string, query: MomentumQuery, now = new Date()): Promise<TrendMomentum> {
    const window = this.window(query, now);
    const read = await this.rollups.readTrend(parseTrendKey(key), window);
    if (read.trends.length === 0) throw AppError.notFound('trend', key);
    return this.compute(read, window)[0]!;
  }

  async scorecard(query: MomentumQuery, now = new Date()): Promise<ScorecardEntry[]> {
    const window = this.window(query, now);
    const read = await this.rollups.readScorecard(window, STRONGEST_PER_TREND);
    return this.compute(read, window).map((r) => ({
      ...r,
      strongest: read.strongest.filter((s) => s.trendId === r.trend.id),
      lastEvidenceAt: read.lastEvidenceAt.get(r.trend.id) ?? null,
    }));
  }

  private window(query: MomentumQuery, now: Date): MomentumWindow {
    try {
      return resolveWindow(query, now);
    } catch (error) {
      if (error instanceof WindowError)
        throw AppError.badRequest('invalid_window', error.message, { field: error.field });
      throw error;
    }
  }

  private compute(read: MomentumReadResult, window: MomentumWindow): TrendMomentum[] {
    const periods = [...window.warmup, ...window.periods];
    return read.trends.map((trend) => {
      const trendDays = read.periodsByTrend.get(trend.id) ?? [];
      const full = buildSeries({ periods, trendDays, articleDays: read.articlePeriods });
      const series = full.slice(window.warmup.length);
      return { trend, window, series, momentum: summariseMomentum(series) };
    });
  }
}
