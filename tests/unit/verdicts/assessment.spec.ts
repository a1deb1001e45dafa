import { assess, sourceOf, wilsonInterval } from '../../../src/verdicts/assessment';
import { daysToHorizon, horizonFor } from '../../../src/verdicts/horizons';
import { buildVerdict, monthlyHistory, ResolutionRecord } from '../../../src/verdicts/verdict';

const item = (source: string, stance: 'supports' | 'contradicts', score = 1) => ({ source, stance, score });

describe('assessment', () => {
  it('computes the Wilson interval as scipy-checked by hand (7 of 10)', () => {
    const [lower, upper] = wilsonInterval(7, 10, 1.959964);
    expect(lower).toBeCloseTo(0.3967781453459709, 8);
    expect(upper).toBeCloseTo(0.892208733443606, 8);
  });

  it('is too early with fewer than 3 distinct sources, however much one site publishes', () => {
    const prolific = Array.from({ length: 50 }, () => item('one.example', 'supports'));
    const a = assess([...prolific, item('two.example', 'supports')]);
    expect(a).toMatchObject({ status: 'too-early', accepted: 51, distinctSources: 2 });
  });

  it('caps a prolific source so it cannot outvote many others', () => {
    const prolific = Array.from({ length: 40 }, () => item('spam.example', 'supports'));
    const others = ['a', 'b', 'c', 'd', 'e', 'f'].map((s) => item(`${s}.example`, 'contradicts'));
    const a = assess([...prolific, ...others]);
    expect(a.supportWeight).toBe(3); // 40 capped to 3
    expect(a.contradictWeight).toBe(6);
    expect(a.status).not.toBe('on-track');
  });

  it('is on-track, mixed or off-track by where the interval lies', () => {
    const many = (stance: 'supports' | 'contradicts', n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => item(`${prefix}${i}.example`, stance));
    expect(assess(many('supports', 20, 's')).status).toBe('on-track');
    expect(assess(many('contradicts', 20, 'c')).status).toBe('off-track');
    expect(assess([...many('supports', 5, 's'), ...many('contradicts', 5, 'c')]).status).toBe('mixed');
  });

  it('reads a source as the article host, without www', () => {
    expect(sourceOf('https://www.Example.com/a?b', 'x')).toBe('example.com');
    expect(sourceOf(null, 'evidence:3')).toBe('evidence:3');
  });
});

describe('horizons', () => {
  it('dates the stated 2-3 years and says when the report gives none', () => {
    expect(horizonFor('open-source-models')).toMatchObject({ date: '2027-07-01', basis: 'stated' });
    expect(horizonFor('compute-clusters')).toMatchObject({ date: '2027-07-01', basis: 'report-frame' });
    expect(daysToHorizon(horizonFor('compute-clusters'), new Date('2027-05-22T12:00:00Z'))).toBe(40);
  });
});

describe('verdict as of a date', () => {
  const trend = { id: 1, slug: 'open-source-models' };
  const known = (evidenceId: number, at: string, stance = 'supports') => ({
    trendId: 1,
    evidenceId,
    stance,
    score: 1,
    url: `https://s${evidenceId}.example/a`,
    publishedAt: Date.parse(at),
    knownAt: Date.parse(at),
  });
  const resolution: ResolutionRecord = {
    id: 1,
    trendId: 1,
    outcome: 'partly',
    rationaleZh: null,
    rationaleEn: 'some of it',
    evidenceIds: [],
    beforeHorizon: true,
    resolvedBy: 'admin',
    createdAt: new Date('2026-03-01T00:00:00Z'),
  };

  it('is resolved only from the resolution time on', () => {
    expect(buildVerdict(trend, [], [resolution], new Date('2026-02-01')).status).toBe('too-early');
    const after = buildVerdict(trend, [], [resolution], new Date('2026-04-01'));
    expect(after.status).toBe('resolved');
    expect(after.assessment.resolution?.outcome).toBe('partly');
  });

  it('moves month by month with what was known by each month end', () => {
    const items = [6, 5, 4, 3, 2, 1].map((i) => known(i, `2025-0${i}-15T00:00:00Z`)); // newest first
    const months = monthlyHistory(trend, items, [], new Date('2025-06-30T00:00:00Z'), 200, '2025-01');
    expect(months.map((m) => m.accepted)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(months.map((m) => m.status)).toEqual([
      'too-early',
      'too-early',
      'too-early',
      'too-early',
      'on-track',
      'on-track',
    ]);
  });
});
