import { outlierPeriod } from '../../../src/momentum/outlier';
import type { PoissonFit, TestPoint } from '../../../src/momentum/quasi-poisson';

// Six periods fitted at μ = 10 each; the articles are so many that the binomial factor is 1.
const ys = [10, 12, 8, 10, 10, 30];
const points: TestPoint[] = ys.map((weighted) => ({ weighted, articles: 1e12, counted: weighted }));
// Pearson χ² by hand: (2² + 2² + 20²) / 10 = 40.8, over 6 rows.
const fit: PoissonFit = {
  intercept: 0,
  slope: 0,
  slopeSe: 1,
  dispersion: 40.8 / 4,
  pearson: 40.8,
  rows: 6,
  iterations: 1,
};
const all = ys.map((_, t) => t);
const check = (sign: number, floor = 1, alpha = 0.05) =>
  outlierPeriod(
    points,
    all,
    () => 10,
    () => 1,
    fit,
    sign,
    { meanWeight: 1, floor, alpha },
  );

describe('Bonferroni outlier test on externally studentized residuals', () => {
  it('finds the spike: r = 20 / sqrt(10), φ without it max(1, 0.8 / 3), t_{0.05/6, 3} = 4.85666 (scipy)', () => {
    const result = check(1);
    expect(result.index).toBe(5);
    expect(result.studentized!).toBeCloseTo(20 / Math.sqrt(10), 10);
    expect(result.critical!).toBeCloseTo(4.856657272769, 6);
  });

  it('uses the dispersion without the period, so a spike cannot hide behind the φ it inflates', () => {
    // Floor 0.1: φ_(i) = (40.8 − 40) / 3, so d = 6.3246 / sqrt(0.2667) = 12.247.
    expect(check(1, 0.1).studentized!).toBeCloseTo(20 / Math.sqrt(10) / Math.sqrt(0.8 / 3), 6);
  });

  it('only looks the way of the call: the low week (8) against a falling call is no outlier', () => {
    const result = check(-1);
    expect(result.candidate).toBe(2);
    // r = 2 / sqrt(10); φ_(i) = (40.8 − 0.4) / 3
    expect(result.studentized!).toBeCloseTo(2 / Math.sqrt(10) / Math.sqrt(40.4 / 3), 10);
    expect(result.index).toBe(-1);
  });

  it('holds the strongest period to alpha / m: a lenient alpha finds it, a strict one does not', () => {
    const mild = [10, 12, 8, 10, 10, 19].map((weighted) => ({ weighted, articles: 1e12, counted: weighted }));
    const mildFit = { ...fit, pearson: (4 + 4 + 81) / 10 };
    const at = (alpha: number) =>
      outlierPeriod(
        mild,
        all,
        () => 10,
        () => 1,
        mildFit,
        1,
        { meanWeight: 1, floor: 1, alpha },
      ).index;
    // d = 9 / sqrt(10) = 2.846; t_{0.5/6, 3} = 1.8179 and t_{0.05/6, 3} = 4.8567 (scipy)
    expect(at(0.5)).toBe(5);
    expect(at(0.05)).toBe(-1);
  });
});
