import { RAMP_TEST_PARAMETERS, testRamp } from '../../../src/momentum/ramp-test';
import type { TestPoint } from '../../../src/momentum/quasi-poisson';

const b = Math.log(2) / 11;
// 12 baseline weeks at 10 a week, then a window whose share doubles exactly over its 12 weeks.
const ramp: TestPoint[] = [
  ...Array.from({ length: 12 }, () => 10),
  ...Array.from({ length: 12 }, (_, x) => 10 * Math.exp(b * x)),
].map((weighted) => ({ weighted, articles: 1000, counted: weighted }));

describe('ramp test (broken stick with the hinge at the window start)', () => {
  it('recovers an exact ramp: slope ln 2 / 11, window change 2, SE sqrt(φ (X′WX)^-1) by numpy', () => {
    const test = testRamp(ramp);
    expect(test).toMatchObject({
      direction: 'rising',
      reason: 'called',
      windowPeriods: 12,
      baselinePeriods: 12,
      df: 22,
    });
    expect(test.slope!).toBeCloseTo(b, 8);
    expect(test.windowChange!).toBeCloseTo(2, 8);
    expect(test.dispersion!).toBeCloseTo(1, 10); // Pearson 0: the floor (mean weight 1)
    // W = μ / (1 − μ/1000), X = [1, max(0, t − 12)]; numpy: se = 0.014355019250, t_{0.0125, 22} = 2.405473
    expect(test.t!).toBeCloseTo(b / 0.01435501925, 5);
    expect(test.windowChangeInterval![0]).toBeCloseTo(1.367946, 4);
    expect(test.windowChangeInterval![1]).toBeCloseTo(2.924092, 4);
  });

  it('needs minBaselinePeriods before the window', () => {
    expect(testRamp(ramp.slice(5)).reason).toBe('too-few-periods');
  });

  it('does not call one spike week at the end of the window a ramp', () => {
    const spike = ramp.map((p, t) =>
      t < 12 ? p : t === 23 ? { ...p, weighted: 60, counted: 60 } : { ...p, weighted: 10, counted: 10 },
    );
    expect(testRamp(spike)).toMatchObject({ direction: 'steady', reason: 'one-period-outlier' });
    expect(
      testRamp(spike, { ...RAMP_TEST_PARAMETERS, outlierAlpha: null, leaveWorstOutConfidence: null }).direction,
    ).toBe('rising');
  });
});
