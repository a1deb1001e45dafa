/**
 * The ramp test (issue 13; docs/momentum.md, "Direction"): has the share been rising (falling)
 * steadily over the last `windowPeriods` periods, from the level of the baseline before them?
 * Segmented (broken-stick) regression with a known breakpoint, as in an interrupted time series:
 *
 *   log E[y_t] = log(articles_t) + a + b·x_t,   x_t = max(0, t − s)
 *
 * with s the first period of the window: flat at the baseline's share up to s, then a change of b
 * per period. The slope test fits the window alone, so its intercept is free and a gradual rise
 * from a known level has to show in twelve noisy weeks; here the baseline (up to
 * `baselinePeriods` before the window) pins the start of the ramp. Rising (falling) only when
 *   1. the interval of b at `confidence` (Student t, n − 2 df) lies above (below) zero;
 *   2. the fitted change over the window, exp(b·(windowPeriods − 1)), passes the effect floor;
 *   3. with the window period pulling hardest the way of the call left out (and the full fit's
 *      dispersion) the interval at `leaveWorstOutConfidence` still excludes zero: one spike week
 *      at the end of the window, where x_t is largest, is not a ramp;
 *   4. the count guard: ≥ minRecentCount counted rows in the last guardPeriods (rising), or in the
 *      last guardPeriods of the baseline (falling).
 *
 * Shipped as the level test's confirmation (trend-test.ts, rampConfirmation: at 95%, with the
 * outlier rule), not as a call of its own: beside the level test it called the quiet flat
 * end-to-end series rising (docs/momentum.md, backtest).
 */
import { survivesOutlier } from './outlier';
import { excludesZero, fitQuasiPoisson, meanWeightOf, PoissonFit, TestPoint, withoutPeriod } from './quasi-poisson';
import { studentTQuantile, studentTTwoSidedP } from './stats';

import { mannKendall } from './trend-test';
import type { Direction } from './trend-test';

export interface RampTestParameters {
  windowPeriods: number;
  baselinePeriods: number;
  minBaselinePeriods: number;
  confidence: number;
  effectFloor: number;
  minRecentCount: number;
  guardPeriods: number;
  leaveWorstOutConfidence: number | null;
  /** When set, a period is left out only when it is an outlier at this level (outlier.ts), and then at `confidence`. */
  outlierAlpha: number | null;
  /** When set, Mann-Kendall on the window's shares must agree: same sign, one-sided p below this. */
  mannKendallAlpha: number | null;
}

export const RAMP_TEST_PARAMETERS: Readonly<RampTestParameters> = Object.freeze({
  windowPeriods: 12,
  baselinePeriods: 24,
  minBaselinePeriods: 8,
  confidence: 0.975,
  effectFloor: 0.25,
  minRecentCount: 5,
  guardPeriods: 4,
  leaveWorstOutConfidence: 0.8,
  outlierAlpha: 0.05,
  mannKendallAlpha: null,
});

export interface RampTest {
  direction: Direction;
  reason:
    | 'called'
    | 'too-few-periods'
    | 'too-few-evidence'
    | 'interval-includes-zero'
    | 'below-effect-floor'
    | 'one-period-outlier'
    | 'rank-test-disagrees';
  windowPeriods: number;
  baselinePeriods: number;
  guardCount: number;
  slope: number | null;
  /** Fitted change in share over the window, exp(b·(windowPeriods − 1)), with its interval. */
  windowChange: number | null;
  windowChangeInterval: [number, number] | null;
  /** b / se(b), and its two-sided p (Student t, n − 2 df). */
  t: number | null;
  df: number | null;
  pValue: number | null;
  dispersion: number | null;
}

export function testRamp(
  all: readonly TestPoint[],
  parameters: Readonly<RampTestParameters> = RAMP_TEST_PARAMETERS,
): RampTest {
  const k = parameters.windowPeriods;
  const windowStart = Math.max(0, all.length - k);
  const baselineStart = Math.max(0, windowStart - parameters.baselinePeriods);
  const points = all.slice(baselineStart);
  const baselineLength = windowStart - baselineStart;
  const sum = (from: number, to: number) => points.slice(from, to).reduce((s, p) => s + p.counted, 0);
  const base: RampTest = {
    direction: 'steady',
    reason: 'too-few-periods',
    windowPeriods: points.length - baselineLength,
    baselinePeriods: baselineLength,
    guardCount: 0,
    slope: null,
    windowChange: null,
    windowChangeInterval: null,
    t: null,
    df: null,
    pValue: null,
    dispersion: null,
  };
  if (baselineLength < parameters.minBaselinePeriods || points.length - baselineLength < k) return base;
  const fit = fitRamp(points, baselineLength);
  if (!fit) return { ...base, reason: 'too-few-evidence' };
  const df = Math.max(1, points.length - 2);
  const q = studentTQuantile((1 - parameters.confidence) / 2, df);
  const interval: [number, number] = [fit.slope - q * fit.slopeSe, fit.slope + q * fit.slopeSe];
  const sign = interval[0] > 0 ? 1 : interval[1] < 0 ? -1 : 0;
  const guardCount =
    sign < 0
      ? sum(Math.max(0, baselineLength - parameters.guardPeriods), baselineLength)
      : sum(points.length - parameters.guardPeriods, points.length);
  const span = k - 1;
  const result: RampTest = {
    ...base,
    guardCount,
    slope: fit.slope,
    windowChange: Math.exp(fit.slope * span),
    windowChangeInterval: [Math.exp(interval[0] * span), Math.exp(interval[1] * span)],
    t: fit.slope / fit.slopeSe,
    df,
    pValue: studentTTwoSidedP(fit.slope / fit.slopeSe, df),
    dispersion: fit.dispersion,
  };
  const steady = (reason: RampTest['reason']) => ({ ...result, direction: 'steady' as const, reason });
  if (sign === 0) return steady('interval-includes-zero');
  const floor = 1 + parameters.effectFloor;
  if (sign > 0 ? result.windowChange! < floor : result.windowChange! > 1 / floor) return steady('below-effect-floor');
  if (parameters.mannKendallAlpha !== null) {
    const mk = mannKendall(points.slice(baselineLength).map((p) => (p.articles > 0 ? p.weighted / p.articles : 0)));
    if (!(Math.sign(mk.s) === sign && mk.pValue / 2 < parameters.mannKendallAlpha))
      return steady('rank-test-disagrees');
  }
  if (parameters.outlierAlpha !== null) {
    const meanWeight = meanWeightOf(points);
    const x = (t: number) => Math.max(0, t - baselineLength);
    const meanX = points.reduce((s, _, t) => s + x(t), 0) / points.length;
    const mu = (t: number) => points[t]!.articles * Math.exp(fit.intercept + fit.slope * x(t));
    const survives = survivesOutlier(
      points,
      points.map((_, t) => t),
      mu,
      (t) => Math.sign(x(t) - meanX),
      fit,
      sign,
      {
        meanWeight,
        floor: meanWeight,
        alpha: parameters.outlierAlpha,
        q,
        refit: (without) => fitRamp(without, baselineLength),
      },
    );
    if (!survives) return steady('one-period-outlier');
  }
  const leaveOut = parameters.outlierAlpha === null ? parameters.leaveWorstOutConfidence : null;
  if (
    leaveOut !== null &&
    !survivesWorstWindowPeriod(points, baselineLength, fit, studentTQuantile((1 - leaveOut) / 2, df), sign)
  ) {
    return steady('one-period-outlier');
  }
  if (guardCount < parameters.minRecentCount) return steady('too-few-evidence');
  return { ...result, direction: sign > 0 ? 'rising' : 'falling', reason: 'called' };
}

function fitRamp(points: readonly TestPoint[], baselineLength: number, dispersionFloor?: number): PoissonFit | null {
  const meanWeight = meanWeightOf(points);
  return fitQuasiPoisson(points, {
    dispersionFloor: dispersionFloor ?? meanWeight,
    meanWeight,
    variance: 'binomial',
    covariate: (t) => Math.max(0, t - baselineLength),
  });
}

/** Leave out the window period pulling hardest the way of the call (largest signed Pearson residual × x_t). */
function survivesWorstWindowPeriod(
  points: readonly TestPoint[],
  baselineLength: number,
  fit: PoissonFit,
  q: number,
  sign: number,
): boolean {
  let worst = -1;
  let worstPull = -Infinity;
  for (let t = baselineLength; t < points.length; t++) {
    const p = points[t]!;
    if (p.articles <= 0) continue;
    const mu = p.articles * Math.exp(fit.intercept + fit.slope * (t - baselineLength));
    const pull = (sign * (p.weighted - mu)) / Math.sqrt(mu);
    if (pull > worstPull) [worst, worstPull] = [t, pull];
  }
  const refit = fitRamp(withoutPeriod(points, worst), baselineLength, fit.dispersion);
  return refit !== null && excludesZero(refit, q, sign);
}
