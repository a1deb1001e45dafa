/**
 * UTC calendar buckets for momentum series and digests.
 *
 * Everything is computed with Date.UTC arithmetic, so there is no daylight-saving shift and a
 * "day" is always a UTC day. A period is half-open: it contains `start` and ends just before `end`,
 * which is the next period's start, so consecutive periods tile time without gaps or overlaps.
 */

export type PeriodInterval = 'day' | 'week' | 'month';

export interface Period {
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

/** Start (00:00 UTC) of the day, ISO week (Monday) or calendar month containing `instant`. */
export function periodStartOf(instant: Date, interval: PeriodInterval): Date {
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth();
  if (interval === 'month') return new Date(Date.UTC(year, month, 1));
  const dayStart = Date.UTC(year, month, instant.getUTCDate());
  if (interval === 'day') return new Date(dayStart);
  // getUTCDay is 0 for Sunday; ISO weeks start on Monday, so Sunday is six days in.
  const daysSinceMonday = (instant.getUTCDay() + 6) % 7;
  return new Date(dayStart - daysSinceMonday * DAY_MS);
}

/** Start of the period after the one starting at `periodStart` (which must be aligned). */
export function nextPeriodStart(periodStart: Date, interval: PeriodInterval): Date {
  if (interval === 'day') return new Date(periodStart.getTime() + DAY_MS);
  if (interval === 'week') return new Date(periodStart.getTime() + 7 * DAY_MS);
  // Date.UTC rolls month 12 over into January of the next year.
  return new Date(Date.UTC(periodStart.getUTCFullYear(), periodStart.getUTCMonth() + 1, 1));
}

/**
 * Whole periods covering [from, to): the first is the one containing `from`, the last the one
 * containing the instant just before `to`. Empty when `to` is not after `from`.
 */
export function bucketPeriods(from: Date, to: Date, interval: PeriodInterval): Period[] {
  assertValidDate(from, 'from');
  assertValidDate(to, 'to');
  const periods: Period[] = [];
  const endMs = to.getTime();
  let start = periodStartOf(from, interval);
  while (start.getTime() < endMs && from.getTime() < endMs) {
    const end = nextPeriodStart(start, interval);
    periods.push({ start, end });
    start = end;
  }
  return periods;
}

function assertValidDate(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`bucketPeriods: ${name} is not a valid date`);
  }
}
