import { dateRuleMessage, parseIsoDate } from '../common/iso-date';
import { MOMENTUM_PARAMETERS } from './momentum-math';
import { bucketPeriods, Period, PeriodInterval, periodStartOf } from './periods';

/** Which periods a momentum request covers, and how far back to read so the averages are warm. */
export interface MomentumWindow {
  interval: PeriodInterval;
  asOf: Date;
  /** Periods shown to the caller. */
  periods: Period[];
  /** Periods computed before them so the long average is not started cold at `from`. */
  warmup: Period[];
  /** First and last UTC day to read from the rollups. */
  fromDay: string;
  toDay: string;
}

export class WindowError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_PERIODS: Record<PeriodInterval, number> = { day: 90, week: 26, month: 24 };
const MAX_PERIODS = 1000;
const WARMUP_PERIODS = MOMENTUM_PARAMETERS.longSpan * 2;

function parseInterval(raw: string | undefined): PeriodInterval {
  const value = raw ?? 'week';
  if (value !== 'day' && value !== 'week' && value !== 'month') {
    throw new WindowError('interval', `interval must be day, week or month, got "${value}"`);
  }
  return value;
}

export function parseInstant(raw: string | undefined, field: string): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  const date = parseIsoDate(raw);
  if (!date) throw new WindowError(field, dateRuleMessage(field, raw));
  return date;
}

/** The longest period of each interval: (to - from) / this is a lower bound on the number of periods. */
const LONGEST_PERIOD_MS: Record<PeriodInterval, number> = {
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 31 * 86_400_000,
};

/**
 * Refuses a window that certainly has too many periods before any is built: the count is at least
 * (to - from) / longest period - 1, so what passes builds at most ~1.1 x MAX_PERIODS periods.
 */
function assertFewEnoughPeriods(from: Date, to: Date, interval: PeriodInterval): void {
  const atLeast = (to.getTime() - from.getTime()) / LONGEST_PERIOD_MS[interval] - 1;
  if (atLeast > MAX_PERIODS) throw new WindowError('from', `at most ${MAX_PERIODS} periods per request`);
}

/**
 * asOf defaults to now and caps `to` (nothing after it is visible); `to` defaults to asOf and
 * `from` to a default number of periods before `to`, or to `historyStart` (the oldest imported
 * article) when that is earlier: an imported archive is shown without the caller having to know
 * how far back it goes. That default is cut to MAX_PERIODS, so it is never refused for its length.
 */
export function resolveWindow(
  query: { interval?: string; from?: string; to?: string; asOf?: string },
  now: Date,
  historyStart: Date | null = null,
): MomentumWindow {
  const interval = parseInterval(query.interval);
  const asOf = parseInstant(query.asOf, 'asOf') ?? now;
  const requestedTo = parseInstant(query.to, 'to');
  // The last period is the one holding the instant just before `to`: at Monday 00:00 that is the
  // whole previous week, midweek it is the current week so far (share is normalised by volume).
  const to = requestedTo && requestedTo < asOf ? requestedTo : asOf;
  const from = parseInstant(query.from, 'from') ?? defaultFrom(to, interval, historyStart);
  if (from >= to) throw new WindowError('from', 'from must be before to (and before asOf)');
  assertFewEnoughPeriods(from, to, interval);
  const periods = bucketPeriods(from, to, interval);
  if (periods.length > MAX_PERIODS) throw new WindowError('from', `at most ${MAX_PERIODS} periods per request`);
  const warmup = bucketPeriods(periodsBefore(periods[0]!.start, interval, WARMUP_PERIODS), periods[0]!.start, interval);
  // Nothing after asOf (time travel) or at/after `to` is read.
  const lastDay = new Date(Math.min(asOf.getTime(), to.getTime() - 1));
  return {
    interval,
    asOf,
    periods,
    warmup,
    fromDay: isoDay(warmup[0]?.start ?? periods[0]!.start),
    toDay: isoDay(lastDay),
  };
}

function defaultFrom(to: Date, interval: PeriodInterval, historyStart: Date | null): Date {
  const usual = periodsBefore(to, interval, DEFAULT_PERIODS[interval]);
  if (!historyStart || historyStart >= usual) return usual;
  // MAX_PERIODS - 1 periods before the last one shown (holding the instant before `to`): MAX_PERIODS in all.
  const earliest = periodsBefore(new Date(to.getTime() - 1), interval, MAX_PERIODS - 1);
  return historyStart > earliest ? historyStart : earliest;
}

function periodsBefore(instant: Date, interval: PeriodInterval, count: number): Date {
  const start = periodStartOf(instant, interval);
  const d = new Date(start);
  if (interval === 'day') d.setUTCDate(d.getUTCDate() - count);
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() - 7 * count);
  else d.setUTCMonth(d.getUTCMonth() - count);
  return d;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
