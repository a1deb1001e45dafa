/**
 * The one regression behind both direction tests (trend-test.ts, level-test.ts): a quasi-Poisson
 * GLM with a log link and log(articles_t) as offset,
 *
 *   log E[y_t] = log(articles_t) + a + b·x_t
 *
 * where x_t is the period's position t (the slope test) or 1 for the recent periods and 0 for the
 * baseline (the level test). The offset makes b a change in *share*: twice the news at the same
 * share leaves b at 0. The fit is IRLS; the dispersion φ is Pearson χ² / (n − 2), never below a
 * floor (the mean weight per counted row: the variance of Poisson counts scaled by that weight), so
 * overdispersion widens the interval and underdispersion never narrows it.
 */

/** One period: weighted evidence, its volume, and the rows counted. */
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
  /** Pearson χ² and the rows fitted (periods with articles), for an externally studentized residual (outlier.ts). */
  pearson: number;
  rows: number;
  /** IRLS iterations used; the fit is null when it does not converge. */
  iterations: number;
}

export interface FitOptions {
  /** φ is never below this (default 1, Poisson counts). */
  dispersionFloor?: number;
  /** 'binomial': variance μ(1 − μ/n), n = articles × meanWeight (default 'poisson'). */
  variance?: 'poisson' | 'binomial';
  /** Weight per counted row, scaling the binomial cap (default dispersionFloor). */
  meanWeight?: number;
  /** x_t for the period at position t (default t: a trend). */
  covariate?: (t: number) => number;
}

interface FitRow {
  x: number;
  y: number;
  offset: number;
  /** Most the count can be (binomial variance); Infinity for Poisson. */
  cap: number;
}

/** Weighted evidence per counted row over the points (1 without rows): the fits' dispersion floor and binomial cap. */
export function meanWeightOf(points: readonly TestPoint[]): number {
  const count = points.reduce((sum, p) => sum + p.counted, 0);
  return count > 0 ? points.reduce((sum, p) => sum + p.weighted, 0) / count : 1;
}

/** The points with one period given no volume, so a fit skips it while every period keeps its position t. */
export function withoutPeriod(points: readonly TestPoint[], index: number): TestPoint[] {
  return points.map((p, t) => (t === index ? { ...p, articles: 0 } : p));
}

/** Whether b's interval (± q·se) lies on the call's side of zero: above for sign > 0, below otherwise. */
export function excludesZero(fit: PoissonFit, q: number, sign: number): boolean {
  return sign > 0 ? fit.slope - q * fit.slopeSe > 0 : fit.slope + q * fit.slopeSe < 0;
}

/** Quasi-Poisson regression of y on x_t with log(articles) as offset. Periods without articles are skipped. */
export function fitQuasiPoisson(points: readonly TestPoint[], options: FitOptions = {}): PoissonFit | null {
  const { dispersionFloor = 1, variance = 'poisson', covariate = (t: number) => t } = options;
  const meanWeight = options.meanWeight ?? dispersionFloor;
  // Binomial variance μ(1 − μ/n): an article is evidence for a prediction at most once, so the
  // count cannot exceed the volume (n = articles, in weighted units: × the mean weight).
  const cap = (articles: number) => (variance === 'binomial' ? articles * meanWeight : Infinity);
  const rows = points.flatMap((p, t) =>
    p.articles > 0 ? [{ x: covariate(t), y: p.weighted, offset: Math.log(p.articles), cap: cap(p.articles) }] : [],
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

/** 1 / (1 − μ/n): the binomial variance's correction to the Poisson weights, kept finite. */
export function binomialFactor(mu: number, cap: number): number {
  return 1 / Math.max(0.05, 1 - mu / cap);
}

/** X'WX, X'W(y − μ)/μ and Pearson χ² at (a, b), with W = μ / (1 − μ/n) (binomialFactor). */
function weightedSums(rows: readonly FitRow[], a: number, b: number) {
  let s0 = 0, s1 = 0, s2 = 0, g0 = 0, g1 = 0, pearson = 0; // prettier-ignore
  for (const { x, y, offset, cap } of rows) {
    const mu = Math.exp(offset + a + b * x);
    const f = binomialFactor(mu, cap);
    s0 += mu * f;
    s1 += mu * f * x;
    s2 += mu * f * x * x;
    g0 += (y - mu) * f;
    g1 += (y - mu) * f * x;
    pearson += (((y - mu) * (y - mu)) / mu) * f;
  }
  return { s0, s1, s2, g0, g1, pearson, det: s0 * s2 - s1 * s1 };
}

/**
 * One IRLS (Fisher scoring) step for the log link with variance μ·(1 − μ/n): solve
 * (X'WX) δ = X'W (y − μ)/μ. For Poisson (n = ∞) this is Newton's step.
 */
function newtonStep(rows: readonly FitRow[], a: number, b: number): { da: number; db: number } | null {
  const { s0, s1, s2, g0, g1, det } = weightedSums(rows, a, b);
  if (!(det > 0)) return null;
  return { da: (s2 * g0 - s1 * g1) / det, db: (s0 * g1 - s1 * g0) / det };
}

function finishFit(rows: readonly FitRow[], a: number, b: number, iterations: number, floor: number): PoissonFit {
  const { s0, pearson, det } = weightedSums(rows, a, b);
  const dispersion = Math.max(floor, pearson / (rows.length - 2));
  // (X'WX)^-1 [1][1] = s0 / det
  const slopeSe = Math.sqrt((dispersion * s0) / det);
  return { intercept: a, slope: b, slopeSe, dispersion, pearson, rows: rows.length, iterations };
}
