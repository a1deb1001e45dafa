/**
 * One odd period must not make a direction, but a guard that drops the strongest period of every
 * call also drops a real rise's best evidence. So a period is left out only when it is an outlier
 * by the usual test: a Bonferroni outlier test on externally studentized Pearson residuals (as R's
 * car::outlierTest). Of the m candidate periods, the one pulling hardest the way of the call (its
 * residual signed by `side`: +1 where a higher count raises b, −1 where it lowers b, times the
 * call's sign) is an outlier when
 *
 *   d_i = r_i / sqrt(φ_(i)) > t_{alpha / m, rows − 3}
 *   r_i = (y_i − μ_i) / sqrt(V(μ_i)),   φ_(i) = max(floor, (Pearson χ² − r_i²) / (rows − 3))
 *
 * with V the fit's variance (μ_i (1 − μ_i / n_i) for quasi-Poisson; quasi-poisson.ts), m the candidates (Bonferroni over them: the level test's are its recent periods, a new
 * level must not rest on one of its own weeks) and one-sided (only a period pulling the way of the
 * call can make it). φ_(i) is the dispersion without that period, so a spike does not
 * hide behind the dispersion it inflates.
 */
import { excludesZero, pearsonResidual, PoissonFit, TestPoint, withoutPeriod } from './quasi-poisson';
import { studentTQuantile } from './stats';

export interface OutlierCheck {
  /** Index into the points of the outlier, or −1 when the period pulling hardest is not one. */
  index: number;
  /** That period's index and studentized residual d_i (signed the way of the call), and t_{alpha/m}. */
  candidate: number;
  studentized: number | null;
  critical: number | null;
}

export interface OutlierOptions {
  /** The binomial cap is articles × meanWeight, as in the fit. */
  meanWeight: number;
  /** φ_(i) is never below this (the fit's dispersion floor). */
  floor: number;
  alpha: number;
}

/**
 * @param candidates indexes into `points` that may be left out
 * @param fitted μ_t of the fit at period t
 * @param side +1 when a higher count at t raises the fitted b, −1 when it lowers it
 */
export function outlierPeriod(
  points: readonly TestPoint[],
  candidates: readonly number[],
  fitted: (t: number) => number,
  side: (t: number) => number,
  fit: PoissonFit,
  sign: number,
  options: OutlierOptions,
): OutlierCheck {
  const df = fit.rows - 3;
  let worst = -1;
  let worstResidual = -Infinity;
  for (const t of candidates) {
    const p = points[t]!;
    if (p.articles <= 0) continue;
    const mu = fitted(t);
    const pearson = pearsonResidual(fit, p.weighted, mu, p.articles * options.meanWeight);
    const residual = sign * side(t) * pearson;
    if (residual > worstResidual) [worst, worstResidual] = [t, residual];
  }
  if (worst < 0 || df < 1) return { index: -1, candidate: worst, studentized: null, critical: null };
  const phi = Math.max(options.floor, (fit.pearson - worstResidual * worstResidual) / df);
  const studentized = worstResidual / Math.sqrt(phi);
  const critical = studentTQuantile(options.alpha / candidates.length, df);
  return { index: studentized > critical ? worst : -1, candidate: worst, studentized, critical };
}

/**
 * The guard every direction test runs with the outlier rule: when the candidate pulling hardest
 * the way of the call is an outlier (outlierPeriod), it is left out, `refit` fits again, and the
 * interval (± q·se) must still lie on the call's side of zero. True when there is no outlier.
 */
export function survivesOutlier(
  points: readonly TestPoint[],
  candidates: readonly number[],
  fitted: (t: number) => number,
  side: (t: number) => number,
  fit: PoissonFit,
  sign: number,
  options: OutlierOptions & { q: number; refit: (points: TestPoint[]) => PoissonFit | null },
): boolean {
  const outlier = outlierPeriod(points, candidates, fitted, side, fit, sign, options);
  if (outlier.index < 0) return true;
  const refit = options.refit(withoutPeriod(points, outlier.index));
  return refit !== null && excludesZero(refit, options.q, sign);
}
