/**
 * Direction from a test, not a threshold (issue 13; rationale and backtest in docs/momentum.md).
 * Two tests of the weighted evidence, both quasi-Poisson fits with log(articles) as offset
 * (quasi-poisson.ts), so both measure a change in *share*:
 *
 * The slope test, over the last `windowPeriods` complete periods: log E[y_t] = log(articles_t) + a + b·t,
 * called rising (falling) only when all of these hold:
 *   1. the interval of b at `confidence` (Student t, n − 2 df) lies above (below) zero;
 *   2. the fitted change over the window, exp(b·(n − 1)), is ≥ 1 + effectFloor (≤ 1 / (1 + effectFloor));
 *   3. Mann-Kendall on the shares agrees: same sign, one-sided p < mannKendallAlpha;
 *   4. the interval still excludes zero with the period of largest residual left out;
 *   5. enough rows: ≥ minRecentCount counted (accepted + pending) rows in the last
 *      `guardPeriods` periods for rising, in the first `guardPeriods` of the window for falling
 *      (the busy end of a falling series is its start; Farrington's guard, both ways).
 *
 * The level test (level-test.ts): the last 4 periods against the up to 24 ending 4 periods before them,
 * a recent period left out only when it is an outlier.
 *
 * The direction is the one either test calls; steady when neither does or they disagree. The slope
 * test runs at a two-sided 1% level (99% intervals), the level test at 2.5% (97.5%), or at 5% when
 * the ramp test (ramp-test.ts, at 5%) calls the same direction (rampConfirmation): a level call at
 * 5% needs the second contrast to agree. The level family is therefore at most 5% under the null
 * (the level test at 5% is necessary), and the pair at most 6% by Bonferroni; measured, a flat
 * series is called non-steady ~3% of the weeks (bench/direction-backtest.bench.ts, docs/momentum.md).
 */
import { LEVEL_TEST_PARAMETERS, LevelTest, LevelTestParameters, testLevelChange } from './level-test';
import { survivesOutlier } from './outlier';
import { RAMP_TEST_PARAMETERS, RampTest, RampTestParameters, testRamp } from './ramp-test';
import { excludesZero, fitQuasiPoisson, meanWeightOf, PoissonFit, TestPoint, withoutPeriod } from './quasi-poisson';
import { normalUpperTail, studentTQuantile, studentTTwoSidedP } from './stats';

export type Direction = 'rising' | 'steady' | 'falling';

export interface DirectionTestParameters {
  windowPeriods: number;
  /** Rate ratios are reported per this many periods (4 weeks). */
  ratioPeriods: number;
  confidence: number;
  /** Fitted change over the window must be at least +25% (or −20%, its inverse). */
  effectFloor: number;
  mannKendallAlpha: number;
  minRecentCount: number;
  guardPeriods: number;
  /** Conditions 4 and 3; off only to measure their price (bench/direction-backtest.bench.ts). */
  leaveWorstOut: boolean;
  /**
   * When set, condition 4 leaves a period out only when it is an outlier at this level (outlier.ts),
   * refitting with the dispersion of the rest; null: always the period of largest residual, with the full fit's.
   */
  outlierAlpha: number | null;
  rankTest: boolean;
  /** The level test's parameters; null runs the slope test alone. */
  level: LevelTestParameters | null;
  /** When set, the level test also calls at a looser confidence when the ramp test agrees (null: never). */
  rampConfirmation: RampConfirmation | null;
}

/**
 * Two contrasts agreeing are more evidence than one: the level test's call at `levelConfidence`
 * (95%) stands when the ramp test (ramp-test.ts: a rise from the baseline's level over the window)
 * calls the same direction at its confidence (95%); alone, the level test needs its own (97.5%).
 */
export interface RampConfirmation {
  levelConfidence: number;
  ramp: RampTestParameters;
}

export const DIRECTION_TEST_PARAMETERS: Readonly<DirectionTestParameters> = Object.freeze({
  windowPeriods: 12,
  ratioPeriods: 4,
  /** 1%: the slope adds little to the level tests (bench/direction-backtest.bench.ts), so it spends little. */
  confidence: 0.99,
  effectFloor: 0.25,
  mannKendallAlpha: 0.05,
  minRecentCount: 5,
  guardPeriods: 4,
  leaveWorstOut: true,
  outlierAlpha: null,
  rankTest: true,
  level: LEVEL_TEST_PARAMETERS,
  rampConfirmation: { levelConfidence: 0.95, ramp: { ...RAMP_TEST_PARAMETERS, confidence: 0.95 } },
});

type SlopeReason =
  | 'called'
  | 'too-few-periods'
  | 'too-few-evidence'
  | 'one-period-outlier'
  | 'interval-includes-zero'
  | 'below-effect-floor'
  | 'rank-test-disagrees';

/** The slope test's own result: every field but the two that say how the tests combined. */
export interface SlopeTest {
  direction: Direction;
  /** Why the slope's call is what it is: 'called', or the first condition that failed. */
  reason: SlopeReason;
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

/**
 * The call and what it rests on. The top-level fields are the slope test's (as before the level
 * test existed), except `direction` and `reason`, which are the combined call's: `reason` is
 * 'called' when either test called the direction, 'tests-disagree' when they called opposite
 * ones, else the slope's reason (the level's own is `level.reason`).
 */
export interface DirectionTest extends Omit<SlopeTest, 'reason'> {
  reason: SlopeReason | 'tests-disagree';
  /** The slope test's own reason ('called' when it called the direction by itself too). */
  slopeReason: SlopeReason;
  /** Which test made the call: 'slope', 'level', 'both', or null (steady). */
  firedBy: 'slope' | 'level' | 'both' | null;
  /** The level test; null when it is switched off. */
  level: LevelTest | null;
  /** The ramp test that may confirm the level test's call (rampConfirmation); null when that is off. */
  ramp: RampTest | null;
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

/** Both tests over the complete periods given (the slope reads the last windowPeriods, the level up to 24). */
export function testDirection(
  all: readonly TestPoint[],
  parameters: Readonly<DirectionTestParameters> = DIRECTION_TEST_PARAMETERS,
): DirectionTest {
  const slope = testSlope(all, parameters);
  const ramp = parameters.level && parameters.rampConfirmation ? testRamp(all, parameters.rampConfirmation.ramp) : null;
  const level = parameters.level ? confirmedLevel(all, parameters.level, parameters.rampConfirmation, ramp) : null;
  const calls = [slope.direction, level?.direction ?? 'steady'].filter((d) => d !== 'steady');
  if (calls.length === 2 && calls[0] !== calls[1]) {
    return {
      ...slope,
      direction: 'steady',
      reason: 'tests-disagree',
      slopeReason: slope.reason,
      firedBy: null,
      level,
      ramp,
    };
  }
  const firedBy =
    slope.direction !== 'steady'
      ? level?.direction === slope.direction
        ? 'both'
        : 'slope'
      : level && level.direction !== 'steady'
        ? 'level'
        : null;
  const direction = calls[0] ?? 'steady';
  return {
    ...slope,
    direction,
    reason: firedBy ? 'called' : slope.reason,
    slopeReason: slope.reason,
    firedBy,
    level,
    ramp,
  };
}

/**
 * The level test at its own confidence; when that is steady but the test at the looser
 * `levelConfidence` calls the direction the ramp test calls too, that call (confirmedBy 'ramp').
 * A call at the stricter confidence is one at the looser (its interval is inside), so the looser
 * run is needed only when the stricter one is steady.
 */
function confirmedLevel(
  all: readonly TestPoint[],
  parameters: Readonly<LevelTestParameters>,
  confirmation: Readonly<RampConfirmation> | null,
  ramp: RampTest | null,
): LevelTest {
  const strict = testLevelChange(all, parameters);
  if (strict.direction !== 'steady' || !confirmation || !ramp || ramp.direction === 'steady') return strict;
  const loose = testLevelChange(all, { ...parameters, confidence: confirmation.levelConfidence });
  return loose.direction === ramp.direction ? { ...loose, confirmedBy: 'ramp' } : strict;
}

/** The slope test over the last windowPeriods points (pass complete periods only). */
function testSlope(
  all: readonly TestPoint[],
  parameters: Readonly<DirectionTestParameters> = DIRECTION_TEST_PARAMETERS,
): SlopeTest {
  const points = all.slice(-parameters.windowPeriods);
  const n = points.length;
  const count = points.reduce((sum, p) => sum + p.counted, 0);
  const base = emptyTest(n, count);
  const floor = meanWeightOf(points);
  const fit = n >= 6 ? fitQuasiPoisson(points, { dispersionFloor: floor, variance: 'binomial' }) : null;
  if (!fit) return { ...base, reason: n < 6 ? 'too-few-periods' : 'too-few-evidence' };
  const df = Math.max(1, n - 2);
  const q = studentTQuantile((1 - parameters.confidence) / 2, df);
  const interval: [number, number] = [fit.slope - q * fit.slopeSe, fit.slope + q * fit.slopeSe];
  const k = parameters.ratioPeriods;
  const mk = mannKendall(points.map((p) => (p.articles > 0 ? p.weighted / p.articles : 0)));
  const sign = interval[0] > 0 ? 1 : interval[1] < 0 ? -1 : 0;
  const robust =
    sign !== 0 &&
    (!parameters.leaveWorstOut ||
      (parameters.outlierAlpha === null
        ? survivesWorstPeriod(points, fit, q, sign, floor)
        : slopeSurvivesOutlier(points, fit, q, sign, floor, parameters.outlierAlpha)));
  const guardPoints = sign < 0 ? points.slice(0, parameters.guardPeriods) : points.slice(-parameters.guardPeriods);
  const guardCount = guardPoints.reduce((sum, p) => sum + p.counted, 0);
  const windowChange = Math.exp(fit.slope * (n - 1));
  const result: SlopeTest = {
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
  const refit = fitQuasiPoisson(withoutPeriod(points, worst), {
    dispersionFloor: fit.dispersion,
    variance: 'binomial',
    meanWeight,
  });
  return refit !== null && excludesZero(refit, q, sign);
}

/** Condition 4 with the outlier rule: leave out the period pulling hardest the way of the call only when it is an outlier. */
function slopeSurvivesOutlier(
  points: readonly TestPoint[],
  fit: PoissonFit,
  q: number,
  sign: number,
  meanWeight: number,
  alpha: number,
): boolean {
  const mu = (t: number) => points[t]!.articles * Math.exp(fit.intercept + fit.slope * t);
  const middle = (points.length - 1) / 2;
  return survivesOutlier(
    points,
    points.map((_, t) => t),
    mu,
    (t) => Math.sign(t - middle),
    fit,
    sign,
    {
      meanWeight,
      floor: meanWeight,
      alpha,
      q,
      refit: (without) => fitQuasiPoisson(without, { dispersionFloor: meanWeight, variance: 'binomial', meanWeight }),
    },
  );
}

function decide(
  sign: number,
  windowChange: number,
  mk: { s: number; pValue: number },
  guardCount: number,
  parameters: Readonly<DirectionTestParameters>,
): Pick<SlopeTest, 'direction' | 'reason'> {
  const steady = (reason: SlopeReason) => ({ direction: 'steady' as const, reason });
  if (sign === 0) return steady('interval-includes-zero');
  const floor = 1 + parameters.effectFloor;
  if (sign > 0 ? windowChange < floor : windowChange > 1 / floor) return steady('below-effect-floor');
  const rankAgrees = Math.sign(mk.s) === sign && mk.pValue / 2 < parameters.mannKendallAlpha;
  if (parameters.rankTest && !rankAgrees) return steady('rank-test-disagrees');
  if (guardCount < parameters.minRecentCount) return steady('too-few-evidence');
  return { direction: sign > 0 ? 'rising' : 'falling', reason: 'called' };
}

function emptyTest(n: number, count: number): SlopeTest {
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
