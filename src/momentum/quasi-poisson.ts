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
  /**
   * The variance of a row is dispersion · (scale · μ(1 − μ/n) + extra · μ²): the quasi-Poisson fit has
   * scale 1 and extra 0; the negative-binomial one (variance 'negative-binomial') has scale the mean
   * weight and extra 1/θ, θ by the method of moments (absent: the quasi-Poisson fit).
   */
  scale?: number;
  extra?: number;
  /** Pearson χ² and the rows fitted (periods with articles), for an externally studentized residual (outlier.ts). */
  pearson: number;
  rows: number;
  /** IRLS iterations used; the fit is null when it does not converge. */
  iterations: number;
}

export interface FitOptions {
  /** φ is never below this (default 1, Poisson counts). */
  dispersionFloor?: number;
  /**
   * 'binomial': variance φ·μ(1 − μ/n), n = articles × meanWeight (default 'poisson': φ·μ).
   * 'negative-binomial': w·μ(1 − μ/n) + μ²/θ, w the mean weight (the Poisson variance in weighted
   * units) and θ fitted per series by the method of moments (Pearson χ² = n − 2; MASS's theta.mm),
   * so the busier weeks of a series get the larger variance that overdispersed counts have; θ = ∞
   * (Poisson) when the counts are not overdispersed, with φ = max(1, χ² / (n − 2)) as ever.
   */
  variance?: 'poisson' | 'binomial' | 'negative-binomial';
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

/** How a row's variance grows with μ: scale · μ(1 − μ/cap) + extra · μ² (times φ). */
interface VarianceModel {
  scale: number;
  extra: number;
}
const QUASI_POISSON: VarianceModel = { scale: 1, extra: 0 };

/** A row's variance under the model (without φ). */
function rowVariance(mu: number, cap: number, model: VarianceModel): number {
  return (model.scale * mu) / binomialFactor(mu, cap) + model.extra * mu * mu;
}

/** A period's Pearson residual (y − μ) / sqrt(V(μ)) under the fit's variance (without φ). */
export function pearsonResidual(fit: PoissonFit, y: number, mu: number, cap: number): number {
  return (y - mu) / Math.sqrt(rowVariance(mu, cap, { scale: fit.scale ?? 1, extra: fit.extra ?? 0 }));
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
  const { variance = 'poisson', covariate = (t: number) => t } = options;
  const negativeBinomial = variance === 'negative-binomial';
  const meanWeight = options.meanWeight ?? options.dispersionFloor ?? 1;
  // The negative binomial's variance holds the weight (scale w), so its φ floor is 1.
  const dispersionFloor = negativeBinomial ? 1 : (options.dispersionFloor ?? 1);
  // Binomial variance μ(1 − μ/n): an article is evidence for a prediction at most once, so the
  // count cannot exceed the volume (n = articles, in weighted units: × the mean weight).
  const cap = (articles: number) => (variance === 'poisson' ? Infinity : articles * meanWeight);
  const rows = points.flatMap((p, t) =>
    p.articles > 0 ? [{ x: covariate(t), y: p.weighted, offset: Math.log(p.articles), cap: cap(p.articles) }] : [],
  );
  const totalY = rows.reduce((sum, r) => sum + r.y, 0);
  if (rows.length < 3 || totalY <= 0) return null;
  const totalExposure = rows.reduce((sum, r) => sum + Math.exp(r.offset), 0);
  let a = Math.log(totalY / totalExposure);
  let b = 0;
  let model: VarianceModel = negativeBinomial ? { scale: meanWeight, extra: 0 } : QUASI_POISSON;
  for (let iteration = 1; iteration <= (negativeBinomial ? 100 : 50); iteration++) {
    const step = newtonStep(rows, a, b, model);
    if (!step) return null;
    a += step.da;
    b += step.db;
    let moved = Math.abs(step.da) + Math.abs(step.db);
    if (negativeBinomial) {
      const extra = momentExtra(rows, a, b, meanWeight);
      moved += Math.abs(extra - model.extra);
      model = { scale: meanWeight, extra };
    }
    if (moved < 1e-10) return finishFit(rows, a, b, iteration, dispersionFloor, model);
  }
  return null;
}

/** 1 / (1 − μ/n): the binomial variance's correction to the Poisson weights, kept finite. */
function binomialFactor(mu: number, cap: number): number {
  return 1 / Math.max(0.05, 1 - mu / cap);
}

/**
 * 1/θ by the method of moments: the κ ≥ 0 at which Σ (y − μ)² / (w·μ(1 − μ/n) + κ·μ²) = rows − 2
 * (0 when the counts are not overdispersed). The sum falls as κ grows, so bisection finds it.
 */
function momentExtra(rows: readonly FitRow[], a: number, b: number, scale: number): number {
  const fitted = rows.map((r) => Math.exp(r.offset + a + b * r.x));
  const df = rows.length - 2;
  const chi2 = (extra: number) =>
    rows.reduce((sum, r, i) => {
      const mu = fitted[i]!;
      return sum + (r.y - mu) ** 2 / rowVariance(mu, r.cap, { scale, extra });
    }, 0);
  if (df < 1 || chi2(0) <= df) return 0;
  let low = 0;
  let high = 1;
  while (chi2(high) > df && high < 1e6) high *= 4;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (chi2(mid) > df) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** X'WX, X'W(y − μ)/μ and Pearson χ² at (a, b), with W = μ² / V(μ) (for quasi-Poisson μ / (1 − μ/n)). */
function weightedSums(rows: readonly FitRow[], a: number, b: number, model: VarianceModel) {
  let s0 = 0, s1 = 0, s2 = 0, g0 = 0, g1 = 0, pearson = 0; // prettier-ignore
  for (const { x, y, offset, cap } of rows) {
    const mu = Math.exp(offset + a + b * x);
    const v = rowVariance(mu, cap, model);
    const w = (mu * mu) / v;
    s0 += w;
    s1 += w * x;
    s2 += w * x * x;
    g0 += ((y - mu) * mu) / v;
    g1 += ((y - mu) * mu * x) / v;
    pearson += ((y - mu) * (y - mu)) / v;
  }
  return { s0, s1, s2, g0, g1, pearson, det: s0 * s2 - s1 * s1 };
}

/**
 * One IRLS (Fisher scoring) step for the log link with variance V(μ): solve
 * (X'WX) δ = X'W (y − μ)/μ, W = μ²/V. For Poisson (V = μ) this is Newton's step.
 */
function newtonStep(
  rows: readonly FitRow[],
  a: number,
  b: number,
  model: VarianceModel,
): { da: number; db: number } | null {
  const { s0, s1, s2, g0, g1, det } = weightedSums(rows, a, b, model);
  if (!(det > 0)) return null;
  return { da: (s2 * g0 - s1 * g1) / det, db: (s0 * g1 - s1 * g0) / det };
}

function finishFit(
  rows: readonly FitRow[],
  a: number,
  b: number,
  iterations: number,
  floor: number,
  model: VarianceModel,
): PoissonFit {
  const { s0, pearson, det } = weightedSums(rows, a, b, model);
  const dispersion = Math.max(floor, pearson / (rows.length - 2));
  // (X'WX)^-1 [1][1] = s0 / det
  const slopeSe = Math.sqrt((dispersion * s0) / det);
  const fit: PoissonFit = { intercept: a, slope: b, slopeSe, dispersion, pearson, rows: rows.length, iterations };
  return model === QUASI_POISSON ? fit : { ...fit, scale: model.scale, extra: model.extra };
}
