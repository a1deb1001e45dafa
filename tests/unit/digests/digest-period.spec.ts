import { AppError } from '../../../src/common/app-error';
import {
  nextDigestPeriod,
  parsePastPeriodParams,
  requestedPeriods,
  scheduledStart,
} from '../../../src/digests/digest-period';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const days = (periods: { start: Date; end: Date }[]) =>
  periods.map((p) => [p.start.toISOString().slice(0, 10), p.end.toISOString().slice(0, 10)]);

describe('past digest periods (build-digest --period)', () => {
  it('reads no parameters as the scheduled digest, and one of date or from with a period', () => {
    expect(parsePastPeriodParams({})).toBeNull();
    expect(parsePastPeriodParams({ period: 'week', date: '2024-07-17' })).toEqual({
      period: 'week',
      date: at('2024-07-17'),
    });
    expect(parsePastPeriodParams({ period: 'month', from: '2024-07-01' })).toEqual({
      period: 'month',
      from: at('2024-07-01'),
    });
  });

  it.each([
    [{ period: 'day', date: '2024-07-17' }, /period must be week or month/],
    [{ date: '2024-07-17' }, /period must be week or month/],
    [{ period: 'week' }, /one of date .* or from/],
    [{ period: 'week', date: '2024-07-17', from: '2024-07-01' }, /one of date .* or from/],
    [{ period: 'week', date: 'last tuesday' }, /date must be an ISO 8601 date/],
    [{ period: 'week', date: '2024-07-17', to: '2024-08-01' }, /not to/],
  ])('refuses %j with a 400 naming what is wrong', (params, message) => {
    let error: unknown;
    try {
      parsePastPeriodParams(params as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('invalid');
    expect((error as AppError).message).toMatch(message);
  });

  it('gives the ISO week or calendar month holding the date', () => {
    const before = at('2026-11-26');
    expect(days(requestedPeriods({ period: 'week', date: at('2024-07-17') }, before))).toEqual([
      ['2024-07-15', '2024-07-22'],
    ]);
    expect(days(requestedPeriods({ period: 'month', date: at('2024-07-17') }, before))).toEqual([
      ['2024-07-01', '2024-08-01'],
    ]);
  });

  it('gives every whole period from `from` that ends before the scheduled digests begin', () => {
    const before = at('2026-11-26'); // a Thursday
    expect(days(requestedPeriods({ period: 'month', from: at('2026-08-15') }, before))).toEqual([
      ['2026-08-01', '2026-09-01'],
      ['2026-09-01', '2026-10-01'],
      ['2026-10-01', '2026-11-01'],
    ]);
    expect(days(requestedPeriods({ period: 'week', from: at('2026-11-01') }, before))).toEqual([
      ['2026-10-26', '2026-11-02'],
      ['2026-11-02', '2026-11-09'],
      ['2026-11-09', '2026-11-16'],
      ['2026-11-16', '2026-11-23'],
    ]);
  });

  it('gives nothing for a period the scheduled digests cover or that is not over', () => {
    const before = at('2026-11-26');
    expect(requestedPeriods({ period: 'week', date: at('2026-11-24') }, before)).toEqual([]);
    expect(requestedPeriods({ period: 'month', date: at('2026-11-01') }, before)).toEqual([]);
    expect(requestedPeriods({ period: 'week', from: at('2026-12-01') }, before)).toEqual([]);
  });

  it('refuses more than ten years of weeks in one request', () => {
    expect(() => requestedPeriods({ period: 'week', from: at('1990-01-01') }, at('2026-11-26'))).toThrow(
      /at most 520 digests/,
    );
  });

  it('starts the scheduled sequence where the first scheduled digest did, or would today', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    expect(scheduledStart(at('2026-10-05'), now)).toEqual(at('2026-10-05'));
    expect(scheduledStart(null, now)).toEqual(at('2026-11-26'));
    expect(scheduledStart(null, now)).toEqual(nextDigestPeriod(null, now)!.start);
  });
});
