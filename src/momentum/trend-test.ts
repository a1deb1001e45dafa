/**
 * Direction from a test, not a threshold (issue 13; rationale and backtest in docs/momentum.md).
 *
 * Over the last `windowPeriods` complete periods, the weighted evidence y_t is fitted by a
 * quasi-Poisson GLM with a log link and log(articles_t) as offset:
 *
 *   log E[y_t] = log(articles_t) + a + b·t
 *
 * so b is the change in *share*: twice the news at the same share leaves b at 0. The fit is IRLS;
 * the dispersion φ is Pearson χ² / (n − 2), never below the mean weight per counted row (the
 * variance of Poisson counts scaled by that weight), so overdispersion widens the interval. The
 * slope's interval uses Student t with n − 2 degrees of freedom.
 *
 * The call is rising (falling) only when all of these hold:
 *   1. the 95% interval of b lies above (below) zero;
 *   2. the fitted change over the window, exp(b·(n − 1)), is ≥ 1 + effectFloor (≤ 1 / (1 + effectFloor));
 *   3. Mann-Kendall on the shares agrees: same sign, one-sided p < mannKendallAlpha;
 *   4. the interval still excludes zero with the period of largest residual left out;
 *   5. enough rows: ≥ minRecentCount counted (accepted + pending) rows in the last
 *      `guardPeriods` periods for rising, in the first `guardPeriods` of the window for falling
 *      (the busy end of a falling series is its start; Farrington's guard, both ways).
 */
import { normalUpperTail, studentTQuantile, studentTTwoSidedP } from './stats';

export type Direction = 'rising' | 'steady' | 'falling';

export const DIRECTION_TEST_PARAMETERS = Object.freeze({
  windowPeriods: 12,
  /** Rate ratios are reported per this many periods (4 weeks). */
  ratioPeriods: 4,
  confidence: 0.9,
  /** Fitted change over the window must be at least +25% (or −20%, its inverse). */
  effectFloor: 0.25,
  mannKendallAlpha: 0.05,
  minRecentCount: 5,
  guardPeriods: 4,
});

export type DirectionTestParameters = typeof DIRECTION_TEST_PARAMETERS;

/** One period of the window: weighted evidence, its volume, and the rows counted. */
export interface TestPoint {
  weighted: number;
  articles: number;
  counted: number;
}

export interface PoissonFit {
  intercept: number;
  slope: number;
  slopeSe: number;
  dispersion: number;
  /** IRLS iterations used; the fit is null when it does not converge. */
  iterations: number;
}

export interface DirectionTest {
  direction: Direction;
  /** Why the call is what it is: 'called', or the first condition that failed. */
  reason:
    | 'called'
    | 'too-few-periods'
    | 'too-few-evidence'
    | 'one-period-outlier'
    | 'interval-includes-zero'
    | 'below-effect-floor'
    | 'rank-test-disagrees';
  windowPeriods: number;
  /** Counted (accepted + pending) evidence rows in the window, and in the guard periods. */
  count: number;
  guardCount: number;
  slope: number | null;
  slopeInterval: [number, number] | null;
  /** exp(slope · ratioPeriods) with its interval: the fitted change in share per 4 periods. */
  rateRatio: number | null;
  rateRatioInterval: [number, number] | null;
  /** Fitted change in share over the whole window, exp(slope · (n − 1)). */
  windowChange: number | null;
  pValue: number | null;
  dispersion: number | null;
  mannKendall: { s: number; z: number; pValue: number } | null;
}

/** Quasi-Poisson regression of y on t = 0..n−1 with log(articles) as offset. Periods without articles are skipped. */
export function fitQuasiPoisson(
  points: readonly TestPoint[],
  dispersionFloor = 1,
  variance: 'poisson' | 'binomial' = 'poisson',
  meanWeight = dispersionFloor,
): PoissonFit | null {
  // Binomial variance μ(1 − μ/n): an article is evidence for a prediction at most once, so the
  // count cannot exceed the volume (n = articles, in weighted units: × the mean weight).
  const cap = (articles: number) => (variance === 'binomial' ? articles * meanWeight : Infinity);
  const rows = points.flatMap((p, t) =>
    p.articles > 0 ? [{ t, y: p.weighted, offset: Math.log(p.articles), cap: cap(p.articles) }] : [],
  );
  const totalY = rows.reduce((sum, r) => sum + r.y, 0);
  if (rows.length < 3 || totalY <= 0) return null;
  const totalExposure = rows.reduce((sum, r) => sum + Math.exp(r.offset), 0);
  let a = Math.log(totalY / totalExposure);
  let b = 0;
  for (let iteration = 1; iteration <= 50; iteration++) {
    const step = newtonStep(rows, a, b);
    if (!step) return null;
    a += step.da;
    b += step.db;
    if (Math.abs(step.da) + Math.abs(step.db) < 1e-10) return finishFit(rows, a, b, iteration, dispersionFloor);
  }
  return null;
}

interface FitRow {
  t: number;
  y: number;
  offset: number;
  /** Most the count can be (binomial variance); Infinity for Poisson. */
  cap: number;
}

/** 1 / (1 − μ/n): the binomial variance's correction to the Poisson weights, kept finite. */
function binomialFactor(mu: number, cap: number): number {
  return 1 / Math.max(0.05, 1 - mu / cap);
}

/**
 * One IRLS (Fisher scoring) step for the log link with variance μ·(1 − μ/n): solve
 * (X'WX) δ = X'W (y − μ)/μ with W = μ / (1 − μ/n). For Poisson (n = ∞) this is Newton's step.
 */
function newtonStep(rows: readonly FitRow[], a: number, b: number): { da: number; db: number } | null {
  let s0 = 0, s1 = 0, s2 = 0, g0 = 0, g1 = 0; // prettier-ignore
  for (const { t, y, offset, cap } of rows) {
    const mu = Math.exp(offset + a + b * t);
    const f = binomialFactor(mu, cap);
    s0 += mu * f;
    s1 += mu * f * t;
    s2 += mu * f * t * t;
    g0 += (y - mu) * f;
    g1 += (y - mu) * f * t;
  }
  const det = s0 * s2 - s1 * s1;
  if (!(det > 0)) return null;
  return { da: (s2 * g0 - s1 * g1) / det, db: (s0 * g1 - s1 * g0) / det };
}

function finishFit(rows: readonly FitRow[], a: number, b: number, iterations: number, floor: number): PoissonFit {
  let s0 = 0, s1 = 0, s2 = 0, pearson = 0; // prettier-ignore
  for (const { t, y, offset, cap } of rows) {
    const mu = Math.exp(offset + a + b * t);
    const f = binomialFactor(mu, cap);
    s0 += mu * f;
    s1 += mu * f * t;
    s2 += mu * f * t * t;
    pearson += (((y - mu) * (y - mu)) / mu) * f;
  }
  const dispersion = Math.max(floor, pearson / (rows.length - 2));
  // (X'WX)^-1 [1][1] = s0 / det
  const slopeSe = Math.sqrt((dispersion * s0) / (s0 * s2 - s1 * s1));
  return { intercept: a, slope: b, slopeSe, dispersion, iterations };
}

/** Mann-Kendall S with the tie-corrected variance and a continuity-corrected z. */
export function mannKendall(values: readonly number[]): { s: number; z: number; pValue: number } {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += Math.sign(values[j]! - values[i]!);
  const ties = new Map<number, number>();
  for (const v of values) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const k of ties.values()) tieTerm += k * (k - 1) * (2 * k + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance > 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  return { s, z, pValue: 2 * normalUpperTail(Math.abs(z)) };
}

/** The test over the last windowPeriods points (pass complete periods only). */
export function testDirection(
  all: readonly TestPoint[],
  parameters: DirectionTestParameters = DIRECTION_TEST_PARAMETERS,
): DirectionTest {
  const points = all.slice(-parameters.windowPeriods);
  const n = points.length;
  const count = points.reduce((sum, p) => sum + p.counted, 0);
  const base = emptyTest(n, count);
  const floor = count > 0 ? points.reduce((sum, p) => sum + p.weighted, 0) / count : 1;
  const fit = n >= 6 ? fitQuasiPoisson(points, floor, 'binomial') : null;
  if (!fit) return { ...base, reason: n < 6 ? 'too-few-periods' : 'too-few-evidence' };
  const df = Math.max(1, n - 2);
  const q = studentTQuantile((1 - parameters.confidence) / 2, df);
  const interval: [number, number] = [fit.slope - q * fit.slopeSe, fit.slope + q * fit.slopeSe];
  const k = parameters.ratioPeriods;
  const mk = mannKendall(points.map((p) => (p.articles > 0 ? p.weighted / p.articles : 0)));
  const sign = interval[0] > 0 ? 1 : interval[1] < 0 ? -1 : 0;
  const robust = sign !== 0 && survivesWorstPeriod(points, fit, q, sign, floor);
  const guardPoints = sign < 0 ? points.slice(0, parameters.guardPeriods) : points.slice(-parameters.guardPeriods);
  const guardCount = guardPoints.reduce((sum, p) => sum + p.counted, 0);
  const windowChange = Math.exp(fit.slope * (n - 1));
  const result: DirectionTest = {
    ...base,
    guardCount,
    slope: fit.slope,
    slopeInterval: interval,
    rateRatio: Math.exp(fit.slope * k),
    rateRatioInterval: [Math.exp(interval[0] * k), Math.exp(interval[1] * k)],
    windowChange,
    pValue: studentTTwoSidedP(fit.slope / fit.slopeSe, df),
    dispersion: fit.dispersion,
    mannKendall: mk,
  };
  if (sign !== 0 && !robust) return { ...result, direction: 'steady', reason: 'one-period-outlier' };
  return { ...result, ...decide(sign, windowChange, mk, guardCount, parameters) };
}

/**
 * One odd week must not make a direction: drop the period of largest Pearson residual and refit
 * (with the full fit's dispersion, since leaving out the worst point understates it); the
 * interval must still exclude zero on the same side. A spike at the start of the window
 * otherwise reads as falling, one at the end as rising.
 */
function survivesWorstPeriod(
  points: readonly TestPoint[],
  fit: PoissonFit,
  q: number,
  sign: number,
  meanWeight: number,
): boolean {
  let worst = -1;
  let worstResidual = -Infinity;
  points.forEach((p, t) => {
    if (p.articles <= 0) return;
    const mu = Math.exp(Math.log(p.articles) + fit.intercept + fit.slope * t);
    const residual = Math.abs(p.weighted - mu) / Math.sqrt(mu);
    if (residual > worstResidual) [worst, worstResidual] = [t, residual];
  });
  // Keep every period's position (t) but give the worst one no volume, so the fit skips it.
  const refit = fitQuasiPoisson(
    points.map((p, t) => (t === worst ? { ...p, articles: 0 } : p)),
    fit.dispersion,
    'binomial',
    meanWeight,
  );
  if (!refit) return false;
  return sign > 0 ? refit.slope - q * refit.slopeSe > 0 : refit.slope + q * refit.slopeSe < 0;
}

function decide(
  sign: number,
  windowChange: number,
  mk: { s: number; pValue: number },
  guardCount: number,
  parameters: DirectionTestParameters,
): Pick<DirectionTest, 'direction' | 'reason'> {
  const steady = (reason: DirectionTest['reason']) => ({ direction: 'steady' as const, reason });
  if (sign === 0) return steady('interval-includes-zero');
  const floor = 1 + parameters.effectFloor;
  if (sign > 0 ? windowChange < floor : windowChange > 1 / floor) return steady('below-effect-floor');
  if (Math.sign(mk.s) !== sign || mk.pValue / 2 >= parameters.mannKendallAlpha) return steady('rank-test-disagrees');
  if (guardCount < parameters.minRecentCount) return steady('too-few-evidence');
  return { direction: sign > 0 ? 'rising' : 'falling', reason: 'called' };
}

function emptyTest(n: number, count: number): DirectionTest {
  return {
    direction: 'steady',
    reason: 'too-few-evidence',
    windowPeriods: n,
    count,
    guardCount: 0,
    slope: null,
    slopeInterval: null,
    rateRatio: null,
    rateRatioInterval: null,
    windowChange: null,
    pValue: null,
    dispersion: null,
    mannKendall: null,
  };
}

/**
 * The periods that drove the slope most, strongest first (indexes into `points`). A period's pull
 * on the slope is its score contribution under a constant share: (t − t̄)(y_t − μ0_t), with μ0 the
 * counts a flat share would give and t̄ their mean time. Only periods pulling the way of `sign`
 * (the slope's sign) count; at most `limit`.
 */
export function drivingPeriods(points: readonly TestPoint[], sign: number, limit = 3): number[] {
  const articles = points.reduce((sum, p) => sum + p.articles, 0);
  const weighted = points.reduce((sum, p) => sum + p.weighted, 0);
  if (articles <= 0 || weighted <= 0 || sign === 0) return [];
  const flat = points.map((p) => (p.articles * weighted) / articles);
  const meanT = flat.reduce((sum, mu, t) => sum + mu * t, 0) / weighted;
  return points
    .map((p, t) => ({ t, pull: sign * (t - meanT) * (p.weighted - flat[t]!) }))
    .filter((x) => x.pull > 0)
    .sort((a, b) => b.pull - a.pull)
    .slice(0, limit)
    .map((x) => x.t);
}
