/** How the pages write numbers and dates. Presentation only: every number comes from the API's views. */

export function isoDay(iso: string | null | undefined): string | null {
  return iso ? iso.slice(0, 10) : null;
}

/** 0.0123 -> "1.23%"; shares are small, so two decimals. */
export function formatPercent(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

/** Always signed, so "+0.00" reads as no change rather than as a missing sign. */
export function formatSigned(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = value.toFixed(2);
  return text.startsWith('-') ? text : `+${text}`;
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(digits);
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whole days from `today` to the horizon: the API's `horizon` when it is a date (YYYY-MM-DD),
 * else null. A horizon in the past gives a negative number.
 */
export function daysToHorizon(horizon: string | null | undefined, today: Date): number | null {
  if (!horizon || !ISO_DATE.test(horizon)) return null;
  const target = Date.parse(`${horizon}T00:00:00Z`);
  if (Number.isNaN(target)) return null;
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((target - start) / DAY_MS);
}

/** The host of an http(s) URL without "www.", the source line under an item; null otherwise. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
