/**
 * The level-change test beside the slope (issue 13; docs/momentum.md, "Direction"): are the last
 * `recentPeriods` (4) periods at a different share than the baseline, the up to `baselinePeriods`
 * (24) periods ending `gapPeriods` (4) before them? As Farrington-style surveillance compares the
 * current weeks with a longer baseline, so a step (a prediction that suddenly gets news) is seen
 * within weeks instead of when a 12-week slope has caught up with it. The gap keeps a gradual rise
 * out of its own baseline: the weeks just before the recent ones are already part of it.
 *
 * The fit is the slope test's quasi-Poisson GLM (quasi-poisson.ts) with x_t = 1 for the recent
 * periods and 0 for the baseline, so b is the log rate ratio of the two shares:
 *   exp(b) = (Σ y_recent / Σ articles_recent) / (Σ y_baseline / Σ articles_baseline)
 * with se(b) = sqrt(φ · (1/Σ μ_recent + 1/Σ μ_baseline)) (Poisson variance), φ the Pearson
 * dispersion with the same floor. The call is rising (falling) only when
 *   1. the interval of b at `confidence` lies above (below) zero;
 *   2. the rate ratio is ≥ 1 + effectFloor (≤ its inverse);
 *   3. one spike week is not a new level: when the recent period pulling hardest the way of the
 *      call is an outlier (Bonferroni outlier test over the recent periods at `outlierAlpha` 5%,
 *      outlier.ts), it is left out and the interval at `confidence` must still exclude zero. Before,
 *      the strongest recent period was always left out and the interval held at 80%: that cost a
 *      gradual rise its best week at every call (bench/direction-backtest.bench.ts, docs/momentum.md);
 *   4. the count guard holds: ≥ minRecentCount counted rows in the last guardPeriods (rising), or in
 *      the last guardPeriods of the baseline (falling: the busy side is the baseline).
 */
import { survivesOutlier } from './outlier';
import { excludesZero, fitQuasiPoisson, meanWeightOf, PoissonFit, TestPoint, withoutPeriod } from './quasi-poisson';
import { studentTQuantile, studentTTwoSidedP } from './stats';

import type { Direction } from './trend-test';

export const LEVEL_TEST_PARAMETERS: Readonly<LevelTestParameters> = Object.freeze({
  recentPeriods: 4,
  /**
   * At most this many periods before the recent ones (and the gap), and at least minBaselinePeriods:
   * the 24 the service reads as warm-up (16 before: a longer baseline is a smaller variance of its share).
   */
  baselinePeriods: 24,
  /** Periods between the baseline and the recent ones, in neither. */
  gapPeriods: 4,
  minBaselinePeriods: 8,
  confidence: 0.975,
  effectFloor: 0.25,
  minRecentCount: 5,
  guardPeriods: 4,
  /**
   * Condition 3: a recent period is left out only when it is an outlier at this level (Bonferroni
   * over the recent periods, outlier.ts), and the interval at `confidence` must then still exclude zero.
   */
  outlierAlpha: 0.05,
  /**
   * Condition 3 before (used only when outlierAlpha is null): the worst recent period always left out,
   * the interval at this confidence; both null switch the guard off (to measure its price, bench/).
   */
  leaveWorstOutConfidence: 0.8,
  variance: 'quasi-poisson',
});

export interface LevelTestParameters {
  recentPeriods: number;
  baselinePeriods: number;
  gapPeriods: number;
  minBaselinePeriods: number;
  confidence: number;
  effectFloor: number;
  minRecentCount: number;
  guardPeriods: number;
  outlierAlpha: number | null;
  leaveWorstOutConfidence: number | null;
  /**
   * 'quasi-poisson': variance φ·μ (one φ for every week); 'negative-binomial': w·μ + μ²/θ with θ fitted
   * per series (quasi-poisson.ts), so a busier week (more news, or a higher share) has the larger
   * variance overdispersed counts have.
   */
  variance: 'quasi-poisson' | 'negative-binomial';
}

export interface LevelTest {
  direction: Direction;
  reason:
    | 'called'
    | 'too-few-periods'
    | 'too-few-evidence'
    | 'interval-includes-zero'
    | 'below-effect-floor'
    | 'one-period-outlier';
  recentPeriods: number;
  baselinePeriods: number;
  /** Counted (accepted + pending) rows in the recent and the baseline periods, and in the guard periods. */
  recentCount: number;
  baselineCount: number;
  guardCount: number;
  /** Recent share over baseline share, with its interval at `confidence`. */
  rateRatio: number | null;
  rateRatioInterval: [number, number] | null;
  /** Two-sided p of log(rateRatio) = 0. */
  pValue: number | null;
  dispersion: number | null;
  /** The confidence of rateRatioInterval and of the call. */
  confidence: number;
  /**
   * 'ramp' when the level test called the direction at the looser confidence the ramp test's
   * agreement allows (trend-test.ts, rampConfirmation), null when at its own (or steady).
   */
  confirmedBy: 'ramp' | null;
}

/** The test over the last recentPeriods + baselinePeriods points (pass complete periods only). */
export function testLevelChange(
  all: readonly TestPoint[],
  parameters: Readonly<LevelTestParameters> = LEVEL_TEST_PARAMETERS,
): LevelTest {
  const recent = parameters.recentPeriods;
  const recentStart = Math.max(0, all.length - recent);
  const baselineEnd = Math.max(0, recentStart - parameters.gapPeriods);
  const baseline = all.slice(Math.max(0, baselineEnd - parameters.baselinePeriods), baselineEnd);
  // The gap's periods are in neither group: the fit sees the baseline, then the recent periods.
  const points = [...baseline, ...all.slice(recentStart)];
  const baselineLength = baseline.length;
  const sum = (from: number, to: number) => points.slice(from, to).reduce((s, p) => s + p.counted, 0);
  const base: LevelTest = {
    direction: 'steady',
    reason: 'too-few-periods',
    recentPeriods: Math.min(recent, points.length),
    baselinePeriods: baselineLength,
    recentCount: sum(baselineLength, points.length),
    baselineCount: sum(0, baselineLength),
    guardCount: 0,
    rateRatio: null,
    rateRatioInterval: null,
    pValue: null,
    dispersion: null,
    confidence: parameters.confidence,
    confirmedBy: null,
  };
  if (baselineLength < parameters.minBaselinePeriods) return base;
  const fitLevel = levelFit(parameters.variance);
  const fit = fitLevel(points, baselineLength);
  if (!fit) return { ...base, reason: 'too-few-evidence' };
  const df = Math.max(1, points.length - 2);
  const q = studentTQuantile((1 - parameters.confidence) / 2, df);
  const interval: [number, number] = [fit.slope - q * fit.slopeSe, fit.slope + q * fit.slopeSe];
  const sign = interval[0] > 0 ? 1 : interval[1] < 0 ? -1 : 0;
  const guardCount =
    sign < 0
      ? sum(Math.max(0, baselineLength - parameters.guardPeriods), baselineLength)
      : sum(points.length - parameters.guardPeriods, points.length);
  const result: LevelTest = {
    ...base,
    guardCount,
    rateRatio: Math.exp(fit.slope),
    rateRatioInterval: [Math.exp(interval[0]), Math.exp(interval[1])],
    pValue: studentTTwoSidedP(fit.slope / fit.slopeSe, df),
    dispersion: fit.dispersion,
  };
  const steady = (reason: LevelTest['reason']) => ({ ...result, direction: 'steady' as const, reason });
  if (sign === 0) return steady('interval-includes-zero');
  const floor = 1 + parameters.effectFloor;
  if (sign > 0 ? result.rateRatio! < floor : result.rateRatio! > 1 / floor) return steady('below-effect-floor');
  if (parameters.outlierAlpha !== null) {
    const meanWeight = meanWeightOf(points);
    const recentIndexes = Array.from({ length: points.length - baselineLength }, (_, i) => baselineLength + i);
    const mu = (t: number) => points[t]!.articles * Math.exp(fit.intercept + fit.slope);
    const survives = survivesOutlier(points, recentIndexes, mu, () => 1, fit, sign, {
      meanWeight,
      floor: parameters.variance === 'negative-binomial' ? 1 : meanWeight,
      alpha: parameters.outlierAlpha,
      q,
      refit: (without) => fitLevel(without, baselineLength),
    });
    if (!survives) return steady('one-period-outlier');
  }
  const leaveOut = parameters.outlierAlpha === null ? parameters.leaveWorstOutConfidence : null;
  if (
    leaveOut !== null &&
    !survivesWorstRecent(points, baselineLength, fit, studentTQuantile((1 - leaveOut) / 2, df), sign, fitLevel)
  ) {
    return steady('one-period-outlier');
  }
  if (guardCount < parameters.minRecentCount) return steady('too-few-evidence');
  return { ...result, direction: sign > 0 ? 'rising' : 'falling', reason: 'called' };
}

type LevelFit = (points: readonly TestPoint[], baselineLength: number, dispersionFloor?: number) => PoissonFit | null;

/** The two-level fit: x_t = 1 from `baselineLength` on. */
function levelFit(variance: LevelTestParameters['variance']): LevelFit {
  return (points, baselineLength, dispersionFloor) => {
    const meanWeight = meanWeightOf(points);
    return fitQuasiPoisson(points, {
      dispersionFloor: dispersionFloor ?? meanWeight,
      meanWeight,
      variance: variance === 'negative-binomial' ? 'negative-binomial' : 'binomial',
      covariate: (t) => (t >= baselineLength ? 1 : 0),
    });
  };
}

/**
 * Leave out the recent period whose share lies furthest the way of the call and refit with the full
 * fit's dispersion (leaving out the worst point understates it): a new level must rest on more
 * than one period.
 */
function survivesWorstRecent(
  points: readonly TestPoint[],
  baselineLength: number,
  fit: PoissonFit,
  q: number,
  sign: number,
  fitLevel: LevelFit,
): boolean {
  let worst = -1;
  let worstPull = -Infinity;
  for (let t = baselineLength; t < points.length; t++) {
    const p = points[t]!;
    if (p.articles <= 0) continue;
    const mu = p.articles * Math.exp(fit.intercept + fit.slope);
    const pull = (sign * (p.weighted - mu)) / Math.sqrt(mu);
    if (pull > worstPull) [worst, worstPull] = [t, pull];
  }
  const refit = fitLevel(withoutPeriod(points, worst), baselineLength, fit.dispersion);
  return refit !== null && excludesZero(refit, q, sign);
}
