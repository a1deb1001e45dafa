import { AppError } from '../common/app-error';
import { requireIsoDate } from '../common/iso-date';
import { bucketPeriods, periodStartOf } from '../momentum/periods';

/**
 * Which period the next digest covers. Pure: the caller passes the clock's reading.
 *
 * Periods end at the start of the current UTC day, so every run on the same day (sequential or
 * concurrent, on any instance) computes the same period: a rerun finds it empty or its start
 * already taken (digests.period_start is unique). The first digest covers the seven whole UTC days
 * before today; with the default cron (Monday 07:00 UTC) that is exactly the last ISO week. Each
 * later digest starts where the previous scheduled one ended, so periods never overlap and never
 * leave gaps, even when a scheduled run was missed. Digests asked for past periods
 * (`requestedPeriods`) stay outside that sequence: an import of old articles never makes the
 * scheduled job cover (and send) the past.
 */
const FIRST_PERIOD_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Past periods one request may build: ten years of weeks, so a typo in --from is not a day of work. */
const MAX_REQUESTED_PERIODS = 520;

export interface DigestPeriod {
  start: Date;
  end: Date;
}

function startOfUtcDay(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / DAY_MS) * DAY_MS);
}

/** The next period, or null when the previous digest already reaches today (nothing left to cover). */
export function nextDigestPeriod(previousEnd: Date | null, now: Date): DigestPeriod | null {
  const end = startOfUtcDay(now);
  const start = previousEnd ?? new Date(end.getTime() - FIRST_PERIOD_DAYS * DAY_MS);
  return start < end ? { start, end } : null;
}

/** Where the scheduled digests begin: the first one's start, or where the first would start today. */
export function scheduledStart(firstScheduledStart: Date | null, now: Date): Date {
  return firstScheduledStart ?? nextDigestPeriod(null, now)!.start;
}

/** A digest of a past ISO week or calendar month: the one holding `date`, or every one from `from` on. */
export interface PastPeriodRequest {
  period: 'week' | 'month';
  date?: Date;
  from?: Date;
}

const PARAMS = ['period', 'date', 'from'];

/** build-digest's parameters (`--period week|month` with `--date D` or `--from D`), or null for none. */
export function parsePastPeriodParams(params: Record<string, string>): PastPeriodRequest | null {
  const unknown = Object.keys(params).filter((name) => !PARAMS.includes(name));
  if (unknown.length > 0)
    throw AppError.badRequest('invalid_job_params', `build-digest takes period, date, from; not ${unknown.join(', ')}`);
  if (Object.keys(params).length === 0) return null;
  const { period, date, from } = params;
  if (period !== 'week' && period !== 'month')
    throw AppError.badRequest('invalid_job_params', `period must be week or month, got "${period ?? ''}"`);
  if ((date === undefined) === (from === undefined))
    throw AppError.badRequest('invalid_job_params', 'give one of date (that period) or from (every period since)');
  return date !== undefined
    ? { period, date: requireIsoDate(date, 'date') }
    : { period, from: requireIsoDate(from!, 'from') };
}

/**
 * The whole periods a request names that end by `before` (where the scheduled digests begin): a
 * period they cover already, or one not over yet, is not a past period. Empty when none is left.
 */
export function requestedPeriods(request: PastPeriodRequest, before: Date): DigestPeriod[] {
  const first = periodStartOf(request.date ?? request.from!, request.period);
  if (first >= before) return [];
  const periods = bucketPeriods(first, before, request.period).filter((p) => p.end <= before);
  const asked = request.date ? periods.slice(0, 1) : periods;
  if (asked.length > MAX_REQUESTED_PERIODS)
    throw AppError.badRequest('too_many_periods', `at most ${MAX_REQUESTED_PERIODS} digests per request`);
  return asked;
}
