import { incompleteBeta, studentTQuantile, studentTTwoSidedP } from '../../../src/momentum/stats';
import type { TestPoint } from '../../../src/momentum/quasi-poisson';
import { drivingPeriods, mannKendall, testDirection } from '../../../src/momentum/trend-test';

const points = (ys: number[], articles: number[] = ys.map(() => 100)): TestPoint[] =>
  ys.map((weighted, i) => ({ weighted, articles: articles[i]!, counted: weighted }));

describe('distributions (values from scipy.stats)', () => {
  it('computes Student t tails and quantiles', () => {
    expect(studentTTwoSidedP(2, 5)).toBeCloseTo(0.10193947882985835, 8);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(2.228138851986274, 6);
    expect(incompleteBeta(0.3, 2.5, 4)).toBeCloseTo(0.3521975859067672, 8);
  });
});

describe('Mann-Kendall', () => {
  it('matches a hand count: S, continuity-corrected z, two-sided p', () => {
    const shares = [3 / 100, 5 / 120, 4 / 90, 9 / 110, 8 / 100, 12 / 130, 7 / 80, 15 / 120];
    const mk = mannKendall(shares);
    expect(mk.s).toBe(24);
    expect(mk.z).toBeCloseTo(2.8455120410060126, 8);
    expect(mk.pValue).toBeCloseTo(0.004434008303100652, 5);
  });
});

describe('direction test', () => {
  const rising = points(Array.from({ length: 12 }, (_, t) => 5 + 2 * t));

  it('calls a clear rise rising and reports the numbers it rests on', () => {
    const test = testDirection(rising);
    expect(test).toMatchObject({ direction: 'rising', reason: 'called', windowPeriods: 12 });
    expect(test.rateRatio!).toBeGreaterThan(1);
    expect(test.rateRatioInterval![0]).toBeGreaterThan(1);
    expect(test.pValue!).toBeLessThan(0.05);
    expect(test.count).toBe(rising.reduce((s, p) => s + p.counted, 0));
  });

  it('calls the mirror image falling', () => {
    expect(testDirection([...rising].reverse()).direction).toBe('falling');
  });

  it('stays steady below the effect floor, however tight the interval', () => {
    const slow = points(
      Array.from({ length: 12 }, (_, t) => 1000 * 1.01 ** t),
      Array(12).fill(10_000),
    );
    const test = testDirection(slow);
    expect(test.slopeInterval![0]).toBeGreaterThan(0);
    expect(test).toMatchObject({ direction: 'steady', reason: 'below-effect-floor' });
  });

  it('does not let one spike at the start of the window read as falling', () => {
    const spike = points([40, 5, 6, 5, 4, 5, 6, 5, 5, 4, 6, 5]);
    expect(testDirection(spike).direction).toBe('steady');
  });

  it('needs 5 counted rows in the last 4 weeks to call a quiet rise', () => {
    const quiet = Array.from({ length: 12 }, (_, t) => ({
      weighted: t >= 9 ? 1 : 0,
      articles: 100,
      counted: t >= 9 ? 1 : 0,
    }));
    expect(testDirection(quiet).direction).toBe('steady');
  });
});

describe('driving periods', () => {
  it('names the late high weeks for a rise and the early high weeks for a fall', () => {
    const ys = [5, 5, 5, 5, 5, 5, 5, 5, 5, 12, 20, 9];
    expect(drivingPeriods(points(ys), 1, 2)).toEqual([10, 9]);
    expect(drivingPeriods(points([...ys].reverse()), -1, 1)).toEqual([1]);
  });
});
