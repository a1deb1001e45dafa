/**
 * Which period the next digest covers. Pure: the caller passes the clock's reading.
 *
 * Periods end at the start of the current UTC day, so every run on the same day (sequential or
 * concurrent, on any instance) computes the same period: a rerun finds it empty or its start
 * already taken (digests.period_start is unique). The first digest covers the seven whole UTC days
 * before today; with the default cron (Monday 07:00 UTC) that is exactly the last ISO week. Each
 * later digest starts where the previous one ended, so periods never overlap and never leave gaps,
 * even when a scheduled run was missed.
 */
const FIRST_PERIOD_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

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
