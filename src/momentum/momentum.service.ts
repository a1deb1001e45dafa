import { Clock } from '../common/clock';
import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { parseTrendKey } from '../trends/trend-key';
import type { Verdict } from '../verdicts/verdict';
import { VerdictService } from '../verdicts/verdict.service';
import {
  buildSeries,
  MomentumSummary,
  SeriesPoint,
  summariseMomentum,
  testedPeriods,
  toTestPoint,
} from './momentum-math';
import { drivingPeriods } from './trend-test';
import { MomentumReadResult, MomentumTrend, StrongEvidenceRow } from './momentum-read';
import { MomentumWindow, resolveWindow, WindowError } from './momentum-window';
import { MomentumRepository } from './momentum.repository';

export interface TrendMomentum {
  trend: MomentumTrend;
  window: MomentumWindow;
  series: SeriesPoint[];
  /** The warm-up periods before the series, which the direction test may read (its baseline). */
  history: SeriesPoint[];
  momentum: MomentumSummary;
  /** The strongest accepted evidence of the periods that drove the slope (momentum route only). */
  drivers?: StrongEvidenceRow[];
}

export interface ScorecardEntry extends TrendMomentum {
  strongest: StrongEvidenceRow[];
  lastEvidenceAt: Date | null;
  verdict: Verdict;
}

export type MomentumQuery = { interval?: string; from?: string; to?: string; asOf?: string };

const STRONGEST_PER_TREND = 3;
const DRIVER_PERIODS = 3;
const DRIVERS_PER_PERIOD = 2;

/**
 * Momentum per prediction from the rollups. Each request reads them in one statement
 * (MomentumRepository): the trend itself comes back with its rollups, so nothing is cached here
 * and nothing can go stale. A trend's default window first asks where imported history starts.
 */
@Injectable()
export class MomentumService {
  constructor(
    private readonly rollups: MomentumRepository,
    private readonly verdicts: VerdictService,
    private readonly clock: Clock,
  ) {}

  /** Without `from`, the series reaches back to the oldest imported article (resolveWindow). */
  async forTrend(key: string, query: MomentumQuery, now = this.clock.now()): Promise<TrendMomentum> {
    const historyStart = query.from ? null : await this.rollups.historyStart();
    const window = this.window(query, now, historyStart);
    const read = await this.rollups.readTrend(parseTrendKey(key), window);
    if (read.trends.length === 0) throw AppError.notFound('trend', key);
    const result = this.compute(read, window)[0]!;
    return { ...result, drivers: await this.drivers(result) };
  }

  /** The evidence behind the call: strongest accepted items of the weeks that pulled the slope most. */
  private async drivers(result: TrendMomentum): Promise<StrongEvidenceRow[]> {
    const { test } = result.momentum;
    const tested = testedPeriods(result.series, result.window.asOf, result.history).slice(-test.windowPeriods);
    // The way of the call when there is one (the level test may have made it), else the slope's.
    const sign = test.direction === 'rising' ? 1 : test.direction === 'falling' ? -1 : Math.sign(test.slope ?? 0);
    const indexes = drivingPeriods(tested.map(toTestPoint), sign, DRIVER_PERIODS);
    const periods = indexes.map((i) => ({ start: tested[i]!.periodStart, end: tested[i]!.periodEnd }));
    return this.rollups.strongestInPeriods(result.trend.id, periods, result.window.asOf, DRIVERS_PER_PERIOD);
  }

  async scorecard(query: MomentumQuery, now = this.clock.now()): Promise<ScorecardEntry[]> {
    const window = this.window(query, now);
    // Two statements side by side on the pool: rollups (momentum) and the verdict read.
    const [read, verdicts] = await Promise.all([
      this.rollups.readScorecard(window, STRONGEST_PER_TREND),
      this.verdicts.all(window.asOf),
    ]);
    return this.compute(read, window).map((r) => ({
      ...r,
      strongest: read.strongest.filter((s) => s.trendId === r.trend.id),
      lastEvidenceAt: read.lastEvidenceAt.get(r.trend.id) ?? null,
      verdict: verdicts.get(r.trend.id)!,
    }));
  }

  private window(query: MomentumQuery, now: Date, historyStart: Date | null = null): MomentumWindow {
    try {
      return resolveWindow(query, now, historyStart);
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
      const history = full.slice(0, window.warmup.length);
      return { trend, window, series, history, momentum: summariseMomentum(series, window.asOf, history) };
    });
  }
}
