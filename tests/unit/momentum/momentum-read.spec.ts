import {
  decodeMomentumRead,
  momentumValues,
  rollupParts,
  scorecardValues,
  splitDay,
} from '../../../src/momentum/momentum-read';

const window = (interval: 'day' | 'week' | 'month', fromDay: string, toDay: string) => ({
  interval,
  fromDay,
  toDay,
  asOf: new Date(`${toDay}T12:00:00Z`),
});

describe('splitDay: where weekly rollups stop and daily ones take over', () => {
  it('reads a whole last week from the weekly rollups (toDay is a Sunday)', () => {
    expect(splitDay(window('week', '2025-06-16', '2026-05-31'))).toBe('2026-06-01');
  });

  it('reads a last week cut short by toDay from its days (time travel to mid-week)', () => {
    expect(splitDay(window('week', '2025-06-16', '2026-05-27'))).toBe('2026-05-25');
    expect(splitDay(window('week', '2025-06-16', '2026-05-25'))).toBe('2026-05-25');
  });

  it('reads days and months from the daily rollups only', () => {
    expect(splitDay(window('day', '2026-03-01', '2026-05-27'))).toBe('2026-03-01');
    expect(splitDay(window('month', '2024-06-01', '2026-05-27'))).toBe('2024-06-01');
  });
});

describe('rollupParts: which period reads a window needs', () => {
  it('reads weeks only when the window ends with a whole week', () => {
    expect(rollupParts(window('week', '2025-06-16', '2026-05-31'))).toEqual({ weeks: true, days: false });
  });

  it('reads weeks and days when the last week is cut short', () => {
    expect(rollupParts(window('week', '2025-06-16', '2026-05-27'))).toEqual({ weeks: true, days: true });
  });

  it('reads days only for a one-week window cut short, and for days and months', () => {
    expect(rollupParts(window('week', '2026-05-25', '2026-05-27'))).toEqual({ weeks: false, days: true });
    expect(rollupParts(window('day', '2026-03-01', '2026-05-27'))).toEqual({ weeks: false, days: true });
    expect(rollupParts(window('month', '2024-06-01', '2026-05-31'))).toEqual({ weeks: false, days: true });
  });
});

describe('statement parameters', () => {
  const w = window('week', '2025-06-16', '2026-05-27');

  it('selects one trend by slug or by number, never both', () => {
    expect(momentumValues({ slug: 'compute-clusters' }, w)).toEqual([
      '2025-06-16',
      '2026-05-25',
      '2026-05-27',
      'week',
      'compute-clusters',
      null,
    ]);
    expect(momentumValues({ number: 3 }, w)).toEqual(['2025-06-16', '2026-05-25', '2026-05-27', 'week', null, 3]);
  });

  it('passes asOf and the number of strongest pieces to the scorecard', () => {
    expect(scorecardValues(w, 3)).toEqual(['2025-06-16', '2026-05-25', '2026-05-27', 'week', w.asOf, 3]);
  });
});

describe('decodeMomentumRead', () => {
  it('turns a weekly row back into one rollup per non-empty status x stance cell', () => {
    const read = decodeMomentumRead({
      trends: [[7, 1, 'compute-clusters', 'Compute', '算力']],
      // the week of Monday 2026-05-18 (as days since 1970): accepted supports 2 (1.5), pending contradicts 1 (0.25), the rest empty
      weeks: [[7, Date.UTC(2026, 4, 18) / 86_400_000, 2, 1.5, 0, 0, 0, 0, 1, 0.25, 0, 0, 0, 0]],
      days: [[7, '2026-05-25', 'rejected', 'supports', 4, 2.125]],
      articles: [['2026-05-18', 30]],
    });
    expect(read.trends).toEqual([{ id: 7, number: 1, slug: 'compute-clusters', titleEn: 'Compute', titleZh: '算力' }]);
    expect(read.periodsByTrend).toEqual(
      new Map([
        [
          7,
          [
            { trendId: 7, day: '2026-05-18', status: 'accepted', stance: 'supports', count: 2, scoreSum: 1.5 },
            { trendId: 7, day: '2026-05-18', status: 'pending', stance: 'contradicts', count: 1, scoreSum: 0.25 },
            { trendId: 7, day: '2026-05-25', status: 'rejected', stance: 'supports', count: 4, scoreSum: 2.125 },
          ],
        ],
      ]),
    );
    expect(read.articlePeriods).toEqual([{ day: '2026-05-18', count: 30 }]);
  });

  it('groups the rollups by trend, weeks before days, each in the order read', () => {
    const week = Date.UTC(2026, 4, 18) / 86_400_000;
    const read = decodeMomentumRead({
      trends: null,
      weeks: [
        [8, week, 1, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [7, week, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ],
      days: [[8, '2026-05-25', 'accepted', 'supports', 3, 1.5]],
      articles: null,
    });
    expect([...read.periodsByTrend.keys()]).toEqual([8, 7]);
    expect(read.periodsByTrend.get(8)!.map((r) => [r.day, r.count])).toEqual([
      ['2026-05-18', 1],
      ['2026-05-25', 3],
    ]);
    expect(read.periodsByTrend.get(7)!.map((r) => [r.day, r.count])).toEqual([['2026-05-18', 2]]);
  });

  it('reads empty aggregates (SQL NULL) and parts not read as empty', () => {
    const read = decodeMomentumRead({ trends: null, weeks: null, days: null, articles: null });
    expect(read).toEqual({
      trends: [],
      periodsByTrend: new Map(),
      articlePeriods: [],
      strongest: [],
      lastEvidenceAt: new Map(),
    });
  });

  it('turns epoch milliseconds into instants, keeping a missing last evidence date null', () => {
    const at = Date.UTC(2026, 4, 31, 23, 59, 59, 123);
    const read = decodeMomentumRead({
      trends: [],
      weeks: null,
      days: null,
      articles: null,
      strongest: [[7, 42, 0.9, 'supports', at, 'A headline', null]],
      last_evidence: [
        [7, at],
        [8, null],
      ],
    });
    expect(read.strongest).toEqual([
      {
        trendId: 7,
        evidenceId: 42,
        score: 0.9,
        stance: 'supports',
        publishedAt: new Date(at),
        title: 'A headline',
        url: null,
      },
    ]);
    expect(read.lastEvidenceAt).toEqual(
      new Map([
        [7, new Date(at)],
        [8, null],
      ]),
    );
  });
});
