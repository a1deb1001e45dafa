/**
 * Parsers for the caching and back-off headers a feed server may send. All return undefined on nonsense.
 *
 * Not http-cache-semantics: it answers how long a cache may reuse a response, and this asks how long
 * the server wants a poller to stay away. Over a grid of 1040 header sets (Cache-Control x Expires x
 * Last-Modified x Age x Date skew x Pragma) the two polling hints differed in 530: it subtracts Age,
 * gives 0 for private/no-store/no-cache, ignores Expires beside max-age (the poller has done so
 * too since, as RFC 9111 says: polling-policy.ts) and, with only Last-Modified, invents a heuristic
 * day (86400 s for a feed unchanged for ten days). Our own
 * responses (assets immutable for a year, pages no-cache, admin no-store) it reads as intended.
 */

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
