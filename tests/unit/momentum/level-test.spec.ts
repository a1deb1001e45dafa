import { LEVEL_TEST_PARAMETERS, testLevelChange } from '../../../src/momentum/level-test';
import type { TestPoint } from '../../../src/momentum/quasi-poisson';
import { DIRECTION_TEST_PARAMETERS, testDirection } from '../../../src/momentum/trend-test';

const points = (ys: number[], articles = 100): TestPoint[] =>
  ys.map((weighted) => ({ weighted, articles, counted: weighted }));
const around = (level: number, weeks: number) => Array.from({ length: weeks }, (_, t) => level + [-1, 1, 0, 0][t % 4]!);
// 16 baseline weeks, the 4-week gap, the 4 recent weeks (LEVEL_TEST_PARAMETERS).
const series = (baseline: number[], gap: number[], recent: number[]) => points([...baseline, ...gap, ...recent]);

describe('level-change test', () => {
  const step = series(around(5, 16), around(5, 4), [14, 16, 15, 15]);

  it('calls a step rising and reports the ratio of the two shares (by hand: 0.15 / 0.05)', () => {
    const test = testLevelChange(step);
    expect(test).toMatchObject({
      direction: 'rising',
      reason: 'called',
      recentPeriods: 4,
      baselinePeriods: 16,
      recentCount: 60,
      baselineCount: 80,
      guardCount: 60,
    });
    expect(test.rateRatio!).toBeCloseTo(3, 10);
    expect(test.rateRatioInterval![0]).toBeGreaterThan(1.25);
    expect(test.pValue!).toBeLessThan(0.001);
  });

  it('leaves the gap between baseline and recent periods out of both', () => {
    const busyGap = series(around(5, 16), [30, 30, 30, 30], [14, 16, 15, 15]);
    expect(testLevelChange(busyGap).rateRatio!).toBeCloseTo(testLevelChange(step).rateRatio!, 10);
  });

  it('does not call one spike week a new level (an outlier, left out), unless that guard is off', () => {
    const spike = series(around(5, 16), around(5, 4), [5, 5, 5, 25]);
    expect(testLevelChange(spike)).toMatchObject({ direction: 'steady', reason: 'one-period-outlier' });
    const before = { ...LEVEL_TEST_PARAMETERS, outlierAlpha: null };
    expect(testLevelChange(spike, before)).toMatchObject({ direction: 'steady', reason: 'one-period-outlier' });
    const unguarded = { ...before, leaveWorstOutConfidence: null };
    expect(testLevelChange(spike, unguarded).direction).toBe('rising');
  });

  it('leaves no week out of a new level two weeks old, where the old guard did', () => {
    // Neither 14 is an outlier (the other one is as high); leaving one out anyway, at 80%, lost the call.
    const uneven = series(around(5, 16), around(5, 4), [3, 3, 14, 14]);
    expect(testLevelChange(uneven)).toMatchObject({ direction: 'rising', reason: 'called' });
    const before = { ...LEVEL_TEST_PARAMETERS, outlierAlpha: null };
    expect(testLevelChange(uneven, before).reason).toBe('one-period-outlier');
  });

  it('calls a drop falling, guarded by the rows at the end of the baseline', () => {
    const drop = series(around(15, 16), around(15, 4), [3, 2, 4, 3]);
    expect(testLevelChange(drop)).toMatchObject({ direction: 'falling', guardCount: 60 });
  });

  it('needs minRecentCount counted rows in the last 4 periods', () => {
    expect(testLevelChange(step, { ...LEVEL_TEST_PARAMETERS, minRecentCount: 60 }).direction).toBe('rising');
    expect(testLevelChange(step, { ...LEVEL_TEST_PARAMETERS, minRecentCount: 61 })).toMatchObject({
      direction: 'steady',
      reason: 'too-few-evidence',
    });
  });

  it('stays out of it without 8 baseline periods', () => {
    expect(testLevelChange(points(around(5, 15))).reason).toBe('too-few-periods');
  });
});

describe('the level test confirmed by the ramp test', () => {
  // 24 baseline weeks around 5 on 1,000 articles, then a 12-week window rising towards 8.
  const rise = (tail: number[]) =>
    points([...Array.from({ length: 24 }, (_, t) => 5 + [-2, 2, -1, 1][t % 4]!), ...tail], 1000);

  it('calls a rise the level test sees at 95% (not 97.5%) when the ramp test calls it too', () => {
    const test = testDirection(rise([5, 6, 6, 7, 7, 7, 7, 8, 8, 8, 8, 8]));
    expect(test).toMatchObject({ direction: 'rising', reason: 'called', firedBy: 'level' });
    expect(test.level).toMatchObject({ direction: 'rising', confirmedBy: 'ramp', confidence: 0.95 });
    // Recent 32 on 4,000 articles against 124 on 24,000 (20 weeks at 5 and the window's first 4).
    expect(test.level!.rateRatio!).toBeCloseTo(32 / 4000 / (124 / 24000), 10);
    expect(test.level!.pValue!).toBeGreaterThan(0.025);
    expect(test.level!.pValue!).toBeLessThan(0.05);
    expect(test.ramp).toMatchObject({ direction: 'rising', reason: 'called' });
    expect(test.ramp!.pValue!).toBeLessThan(0.05);
    // Alone, the level test needs its own 97.5%.
    expect(testLevelChange(rise([5, 6, 6, 7, 7, 7, 7, 8, 8, 8, 8, 8])).direction).toBe('steady');
  });

  it('stays steady when the ramp test does not call it too', () => {
    // The same recent level after a window that fell back first: no ramp, so 95% is not enough.
    const test = testDirection(rise([7, 7, 7, 7, 5, 5, 5, 5, 8, 8, 8, 8]));
    expect(test.direction).toBe('steady');
    expect(test.ramp!.direction).toBe('steady');
    expect(
      testLevelChange(rise([7, 7, 7, 7, 5, 5, 5, 5, 8, 8, 8, 8]), { ...LEVEL_TEST_PARAMETERS, confidence: 0.95 })
        .direction,
    ).toBe('rising');
    expect(test.level).toMatchObject({ direction: 'steady', confirmedBy: null, confidence: 0.975 });
  });

  it("reports a call at 97.5% as the level test's own", () => {
    const test = testDirection(points([...around(5, 22), 15, 15]));
    expect(test.level).toMatchObject({ direction: 'rising', confirmedBy: null, confidence: 0.975 });
  });
});

describe('the two tests together', () => {
  it('lets the level test call a step the 12-week slope has not caught up with', () => {
    const test = testDirection(points([...around(5, 22), 15, 15]));
    expect(test).toMatchObject({ direction: 'rising', reason: 'called', firedBy: 'level', windowPeriods: 12 });
    expect(test.slopeReason).not.toBe('called');
    expect(test.level).toMatchObject({ direction: 'rising', rateRatio: 2 });
  });

  it('stays steady when they call opposite ways', () => {
    // An 8-week slope window sees a rise from 20 to 163; the level test sees the recent weeks
    // (66-163) below the 16-week baseline at 200 before them.
    const rebound = points([...around(200, 16), 20, 27, 36, 49, 66, 90, 121, 163], 1000);
    const test = testDirection(rebound, { ...DIRECTION_TEST_PARAMETERS, windowPeriods: 8 });
    expect(test.slopeReason).toBe('called');
    expect(test.slope!).toBeGreaterThan(0);
    expect(test.level!.direction).toBe('falling');
    expect(test).toMatchObject({ direction: 'steady', reason: 'tests-disagree', firedBy: null });
  });
});
