import {
  buildSeries,
  summariseMomentum,
  MOMENTUM_PARAMETERS,
  type SeriesPoint,
  type TrendDayRollup,
} from '../../../src/momentum/momentum-math';
import { bucketPeriods } from '../../../src/momentum/periods';

const WEEK_MS = 7 * 86_400_000;
const FIRST_MONDAY = new Date('2024-01-01T00:00:00Z');
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

function weeks(count: number) {
  return bucketPeriods(FIRST_MONDAY, new Date(FIRST_MONDAY.getTime() + count * WEEK_MS), 'week');
}

/** A weekly series whose accepted supporting evidence is `share × articles` in each week. */
function seriesFromShares(shares: number[], articlesInWeek: (week: number) => number = () => 1000): SeriesPoint[] {
  const periods = weeks(shares.length);
  const trendDays: TrendDayRollup[] = shares.map((share, i) => ({
    day: dayOf(periods[i].start),
    status: 'accepted',
    stance: 'supports',
    count: Math.round(share * articlesInWeek(i)),
    scoreSum: share * articlesInWeek(i),
  }));
  const articleDays = shares.map((_, i) => ({ day: dayOf(periods[i].start), count: articlesInWeek(i) }));
  return buildSeries({ periods, trendDays, articleDays });
}

const linear = (length: number, first: number, step: number) => Array.from({ length }, (_, i) => first + step * i);
const flat = (length: number, value = 0.02) => Array.from({ length }, () => value);

describe('momentum direction (known answers)', () => {
  it('calls steadily growing share rising', () => {
    const summary = summariseMomentum(seriesFromShares(linear(16, 0.01, 0.002)));
    expect(summary.direction).toBe('rising');
    expect(summary.score).toBeGreaterThan(MOMENTUM_PARAMETERS.threshold);
  });

  it('calls decaying share falling', () => {
    const decaying = Array.from({ length: 16 }, (_, i) => 0.05 * 0.85 ** i);
    expect(summariseMomentum(seriesFromShares(decaying)).direction).toBe('falling');
  });

  it('calls a flat share with ±20% noise steady', () => {
    const noise = [1.1, 0.9, 1.05, 0.85, 1.2, 0.95, 1, 0.8, 1.15, 0.9, 1.1, 1, 0.85, 1.2, 0.9, 1.1];
    const series = seriesFromShares(noise.map((factor) => 0.02 * factor));
    expect(summariseMomentum(series).direction).toBe('steady');
    for (const point of series) expect(Math.abs(point.momentum)).toBeLessThan(MOMENTUM_PARAMETERS.threshold);
  });

  it('does not let a tenfold spike three periods ago move a flat series', () => {
    const shares = flat(20);
    shares[16] = 0.2;
    const summary = summariseMomentum(seriesFromShares(shares));
    expect(summary.direction).toBe('steady');
    expect(summary.score).toBe(0);
  });

  it('does not let a spike in the latest period call a flat series rising', () => {
    const shares = flat(20);
    shares[19] = 0.2;
    expect(summariseMomentum(seriesFromShares(shares)).direction).toBe('steady');
  });

  it('keeps a rising trend rising through one week at half its level two weeks ago', () => {
    const dipTwoAgo = linear(16, 0.01, 0.002);
    dipTwoAgo[13] /= 2;
    expect(summariseMomentum(seriesFromShares(dipTwoAgo)).direction).toBe('rising');
  });

  it('does not call a rise whose latest whole week is empty: the test sees doubt, not a trend', () => {
    const dipLatest = linear(16, 0.01, 0.002);
    dipLatest[15] = 0;
    expect(summariseMomentum(seriesFromShares(dipLatest)).test.reason).toBe('interval-includes-zero');
  });

  it('leaves a week still running at asOf out of the test', () => {
    const series = seriesFromShares(linear(16, 0.01, 0.002));
    const midLastWeek = new Date(series[15].periodStart.getTime() + 3 * 86_400_000);
    const summary = summariseMomentum(series, midLastWeek);
    expect(summary.test.windowPeriods).toBe(12);
    expect(summary.test.count).toBe(series.slice(3, 15).reduce((sum, p) => sum + p.accepted, 0));
  });

  it('lets the level test read the history before a short series as its baseline', () => {
    // 20 quiet weeks, then a share three times as high for the last 4 (2 shown, 4 complete).
    const full = seriesFromShares([...flat(20, 0.005), ...flat(4, 0.015)]);
    const [history, shown] = [full.slice(0, 18), full.slice(18)];
    const withHistory = summariseMomentum(shown, undefined, history);
    expect(withHistory.test.level).toMatchObject({ direction: 'rising', baselinePeriods: 16, recentPeriods: 4 });
    expect(withHistory.test.level!.rateRatio!).toBeCloseTo(3, 6);
    expect(withHistory.direction).toBe('rising');
    expect(summariseMomentum(shown).test.level!.reason).toBe('too-few-periods');
  });

  it('stays steady when article volume doubles every four weeks at a constant share', () => {
    const series = seriesFromShares(flat(16), (week) => Math.round(1000 * 2 ** (week / 4)));
    expect(series[15].weightedEvidence).toBeGreaterThan(series[0].weightedEvidence * 10);
    expect(summariseMomentum(series)).toMatchObject({ direction: 'steady', score: 0 });
  });

  it('reports an empty series as steady with score 0 and no balance', () => {
    expect(summariseMomentum([])).toMatchObject({
      score: 0,
      direction: 'steady',
      change: 0,
      balance: null,
      share: 0,
      previousScore: 0,
      test: { reason: 'too-few-periods', slope: null },
    });
  });

  describe('minimum-evidence guard', () => {
    /** Silence, then `perWeek` accepted articles in each of the last two weeks. */
    function quietThenBurst(perWeek: number) {
      const periods = weeks(12);
      const burst = (week: number): TrendDayRollup => ({
        day: dayOf(periods[week].start),
        status: 'accepted',
        stance: 'supports',
        count: perWeek,
        scoreSum: perWeek * 0.9,
      });
      return buildSeries({
        periods,
        trendDays: [burst(10), burst(11)],
        articleDays: periods.map((p) => ({ day: dayOf(p.start), count: 100 })),
      });
    }

    it('does not call two articles a week after silence rising', () => {
      const summary = summariseMomentum(quietThenBurst(2));
      expect(summary.score).toBeGreaterThan(MOMENTUM_PARAMETERS.threshold);
      expect(summary.direction).toBe('steady');
    });

    it('keeps two busy weeks after silence steady: the slope interval is wide and one week is all of it', () => {
      expect(summariseMomentum(quietThenBurst(3)).direction).toBe('steady');
    });
  });

  it('reports change against the previous period and never leaves [-1, 1]', () => {
    const series = seriesFromShares([0, 0, 0.5, 0.5, 0.5, 0, 0, 0]);
    const summary = summariseMomentum(series);
    expect(summary.previousScore).toBe(series[6].momentum);
    expect(summary.change).toBeCloseTo(series[7].momentum - series[6].momentum, 12);
    for (const point of series) expect(Math.abs(point.momentum)).toBeLessThanOrEqual(1);
  });
});

describe('buildSeries', () => {
  const periods = weeks(3);
  const monday = dayOf(periods[0].start);

  it('zero-fills periods without data instead of dropping them', () => {
    const series = buildSeries({
      periods,
      trendDays: [{ day: '2024-01-17', status: 'accepted', stance: 'supports', count: 1, scoreSum: 1 }],
      articleDays: [{ day: '2024-01-17', count: 4 }],
    });
    expect(series).toHaveLength(3);
    expect(series.map((p) => p.articles)).toEqual([0, 0, 4]);
    expect(series.map((p) => p.share)).toEqual([0, 0, 0.25]);
    expect(series[0]).toMatchObject({ evidence: 0, weightedEvidence: 0, momentum: 0 });
  });

  it('weights accepted evidence fully, pending by half and rejected not at all', () => {
    const rollup = (status: TrendDayRollup['status']): TrendDayRollup => ({
      day: monday,
      status,
      stance: 'supports',
      count: 2,
      scoreSum: 1.6,
    });
    const [point] = buildSeries({
      periods,
      trendDays: [rollup('accepted'), rollup('pending'), rollup('rejected')],
      articleDays: [{ day: monday, count: 10 }],
    });
    expect(point).toMatchObject({ evidence: 6, accepted: 2, pending: 2, rejected: 2, supporting: 6 });
    expect(point.weightedEvidence).toBeCloseTo(1.6 + 0.8, 12);
    expect(point.share).toBeCloseTo(0.24, 12);
  });

  it('honours custom weights', () => {
    const [point] = buildSeries({
      periods,
      trendDays: [{ day: monday, status: 'pending', stance: 'supports', count: 1, scoreSum: 1 }],
      articleDays: [],
      weights: { accepted: 1, pending: 0, rejected: 0 },
    });
    expect(point.weightedEvidence).toBe(0);
  });

  it('sums every day of a week into it, split by stance, and ignores days outside the window', () => {
    const trendDays: TrendDayRollup[] = [
      { day: '2024-01-01', status: 'accepted', stance: 'supports', count: 3, scoreSum: 3 },
      { day: '2024-01-07', status: 'accepted', stance: 'contradicts', count: 1, scoreSum: 1 },
      { day: '2023-12-31', status: 'accepted', stance: 'supports', count: 50, scoreSum: 50 },
      { day: '2024-01-22', status: 'accepted', stance: 'supports', count: 50, scoreSum: 50 },
      { day: 'not-a-day', status: 'accepted', stance: 'supports', count: 50, scoreSum: 50 },
    ];
    const [first, second, third] = buildSeries({ periods, trendDays, articleDays: [] });
    expect(first).toMatchObject({ supporting: 3, contradicting: 1, weightedSupporting: 3, weightedContradicting: 1 });
    expect(first.share).toBe(0); // no articles ingested: share is 0, not Infinity
    expect(second.evidence + third.evidence).toBe(0);
  });

  it('balances weighted supporting against contradicting evidence over the series', () => {
    const series = buildSeries({
      periods,
      trendDays: [
        { day: monday, status: 'accepted', stance: 'supports', count: 3, scoreSum: 3 },
        { day: '2024-01-10', status: 'pending', stance: 'contradicts', count: 2, scoreSum: 2 },
        { day: '2024-01-10', status: 'rejected', stance: 'contradicts', count: 9, scoreSum: 9 },
      ],
      articleDays: [],
    });
    expect(summariseMomentum(series).balance).toBeCloseTo((3 - 1) / (3 + 1), 12);
  });
});
