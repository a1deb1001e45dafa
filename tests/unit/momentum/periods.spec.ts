import { bucketPeriods, periodStartOf } from '../../../src/momentum/periods';

const utc = (iso: string) => new Date(iso);
const isoStarts = (periods: { start: Date }[]) => periods.map((p) => p.start.toISOString().slice(0, 10));

describe('bucketPeriods', () => {
  // Jest's sandbox ignores a changed TZ, so prove zone-independence directly: any local-time
  // getter or setter called while bucketing fails the test.
  const LOCAL_TIME_METHODS = [
    'getFullYear',
    'getMonth',
    'getDate',
    'getDay',
    'getHours',
    'setHours',
    'setDate',
    'setMonth',
    'getTimezoneOffset',
  ] as const;
  beforeEach(() => {
    for (const method of LOCAL_TIME_METHODS) {
      jest.spyOn(Date.prototype, method).mockImplementation(() => {
        throw new Error(`local-time Date.${method} used`);
      });
    }
  });
  afterEach(() => jest.restoreAllMocks());

  it('starts weeks on Monday 00:00 UTC and tiles them without gaps', () => {
    // 2024-12-04 is a Wednesday; 2024-12-23 a Monday.
    const weeks = bucketPeriods(utc('2024-12-04T15:00:00Z'), utc('2024-12-23T00:00:00Z'), 'week');
    expect(isoStarts(weeks)).toEqual(['2024-12-02', '2024-12-09', '2024-12-16']);
    weeks.forEach((week, i) => {
      expect(week.start.getUTCDay()).toBe(1);
      expect(week.end.getTime() - week.start.getTime()).toBe(7 * 86_400_000);
      if (i > 0) expect(week.start).toEqual(weeks[i - 1].end);
    });
  });

  it('puts a Sunday into the week that began the Monday before', () => {
    expect(periodStartOf(utc('2024-12-08T23:59:59Z'), 'week')).toEqual(utc('2024-12-02T00:00:00Z'));
  });

  it('crosses a year boundary with an ISO week that straddles it', () => {
    const weeks = bucketPeriods(utc('2024-12-31T00:00:00Z'), utc('2025-01-07T00:00:00Z'), 'week');
    expect(isoStarts(weeks)).toEqual(['2024-12-30', '2025-01-06']);
  });

  it('gives calendar months their real lengths, including leap February', () => {
    const months = bucketPeriods(utc('2024-01-15T00:00:00Z'), utc('2024-04-01T00:00:00Z'), 'month');
    const days = months.map((m) => (m.end.getTime() - m.start.getTime()) / 86_400_000);
    expect(isoStarts(months)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']);
    expect(days).toEqual([31, 29, 31]);
  });

  it('rolls December into January of the next year', () => {
    const [december] = bucketPeriods(utc('2023-12-10T00:00:00Z'), utc('2023-12-11T00:00:00Z'), 'month');
    expect(december.end).toEqual(utc('2024-01-01T00:00:00Z'));
  });

  it('keeps days 24 hours long across DST changes', () => {
    const days = bucketPeriods(utc('2024-03-09T00:00:00Z'), utc('2024-04-01T00:00:00Z'), 'day');
    expect(days).toHaveLength(23);
    for (const day of days) {
      expect(day.end.getTime() - day.start.getTime()).toBe(86_400_000);
      expect(day.start.getUTCHours()).toBe(0);
    }
  });

  it('uses the UTC day and month of an instant', () => {
    const firstOfMarch = utc('2024-03-01T00:00:00Z'); // still 29 February west of UTC
    expect(periodStartOf(firstOfMarch, 'month')).toEqual(firstOfMarch);
    expect(periodStartOf(firstOfMarch, 'day')).toEqual(firstOfMarch);
    expect(periodStartOf(utc('2024-03-04T00:00:00Z'), 'week')).toEqual(utc('2024-03-04T00:00:00Z'));
  });

  it('treats `to` as exclusive and returns nothing for an empty or inverted range', () => {
    expect(bucketPeriods(utc('2024-05-01T00:00:00Z'), utc('2024-05-02T00:00:00Z'), 'day')).toHaveLength(1);
    expect(bucketPeriods(utc('2024-05-02T00:00:00Z'), utc('2024-05-02T00:00:00Z'), 'day')).toEqual([]);
    expect(bucketPeriods(utc('2024-05-03T00:00:00Z'), utc('2024-05-01T00:00:00Z'), 'week')).toEqual([]);
  });

  it('rejects invalid dates instead of looping forever', () => {
    expect(() => bucketPeriods(new Date('nope'), utc('2024-05-01T00:00:00Z'), 'day')).toThrow(RangeError);
  });
});
