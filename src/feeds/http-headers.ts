/** Parsers for the caching and back-off headers a feed server may send. All return undefined on nonsense. */

type HeaderValue = string | string[] | undefined;

function single(value: HeaderValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function nonNegativeInteger(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** `Cache-Control: max-age=N` (s-maxage wins for a shared fetcher like ours); no-store/no-cache mean 0. */
export function parseCacheControlMaxAge(header: HeaderValue): number | undefined {
  const value = single(header)?.toLowerCase();
  if (!value) return undefined;
  const sharedMaxAge = /(?:^|,)\s*s-maxage\s*=\s*"?(\d+)/.exec(value)?.[1];
  const maxAge = /(?:^|,)\s*max-age\s*=\s*"?(\d+)/.exec(value)?.[1];
  const seconds = sharedMaxAge ?? maxAge;
  if (seconds !== undefined) return Number(seconds);
  return /(?:^|,)\s*no-(?:store|cache)\b/.test(value) ? 0 : undefined;
}

/** An HTTP-date in the future-or-past; "0" and garbage (legal per RFC 9111: "already expired") give undefined. */
export function parseHttpDate(header: HeaderValue): Date | undefined {
  const value = single(header);
  // JS would read "0" or "-5" as a year; an HTTP-date always names its weekday or month.
  if (!value || !/[A-Za-z]{3}/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `Retry-After` as delay-seconds or an HTTP-date, converted to seconds from `now` (never negative). */
export function parseRetryAfter(header: HeaderValue, now: Date): number | undefined {
  const value = single(header)?.trim();
  if (!value) return undefined;
  const seconds = nonNegativeInteger(value);
  if (seconds !== undefined) return seconds;
  const date = parseHttpDate(value);
  return date ? Math.max(0, Math.ceil((date.getTime() - now.getTime()) / 1000)) : undefined;
}
