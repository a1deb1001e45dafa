/**
 * Small, exact-enough distribution functions for the direction test and the verdict interval.
 * Pure; no dependencies. Accuracy ~1e-10 over the ranges used here (df 2-1000, |z| < 40).
 */

/** ln Γ(x) by the Lanczos approximation (g = 7, n = 9). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Regularised incomplete beta I_x(a, b), by its continued fraction (Lentz). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast for x < (a + 1) / (a + b + 2); otherwise use the symmetry.
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  return (front * betaContinuedFraction(x, a, b)) / a;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    for (const numerator of [
      (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)),
      (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)),
    ]) {
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + numerator / c;
      c = Math.abs(c) < tiny ? tiny : c;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-14) break;
  }
  return h;
}

/** Two-sided p-value of a Student t statistic with `df` degrees of freedom. */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

const T_QUANTILES = new Map<string, number>();

/**
 * The t quantile with upper-tail probability `upper` (e.g. 0.025 for a 95% interval), by bisection.
 * Remembered per (upper, df): the tests ask for the same few on every request, and 100 bisection
 * steps of the incomplete beta were most of a test's CPU time.
 */
export function studentTQuantile(upper: number, df: number): number {
  const key = `${upper}/${df}`;
  let quantile = T_QUANTILES.get(key);
  if (quantile === undefined) {
    quantile = bisectTQuantile(upper, df);
    if (T_QUANTILES.size < 10_000) T_QUANTILES.set(key, quantile);
  }
  return quantile;
}

function bisectTQuantile(upper: number, df: number): number {
  let low = 0;
  let high = 1000;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (studentTTwoSidedP(mid, df) / 2 > upper) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Standard normal upper tail P(Z > z) = erfc(z / √2) / 2. */
export function normalUpperTail(z: number): number {
  if (z < 0) return 1 - normalUpperTail(-z);
  return 0.5 * erfc(z / Math.SQRT2);
}

/** erfc by W. J. Cody's rational approximation (Numerical Recipes erfcc), relative error < 1.2e-7. */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}
