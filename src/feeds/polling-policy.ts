/**
 * When to poll a feed next. Pure functions; the ideas come from Miniflux (interval from the recent
 * publishing rate, clamped; exponential back-off on errors) and NewsBlur (never disable a feed for
 * good, honour what the server asks for).
 */

const SECOND = 1000;
const DAY_SEC = 86_400;
/** Only the recent past says how often a feed publishes now. */
const RECENT_ITEMS = 20;

export interface SuccessSchedule {
  itemDates: Date[];
  now: Date;
  ttlMinutes?: number;
  cacheMaxAgeSec?: number;
  expiresAt?: Date;
  minSec?: number;
  maxSec?: number;
  /**
   * The fetch shared no item with what was stored for the feed before: it published more between
   * two polls than it shows, so items were probably missed. Poll at most half as long as last time.
   */
  missedItems?: boolean;
  previousIntervalSec?: number;
}

export interface ErrorSchedule {
  consecutiveErrors: number;
  now: Date;
  retryAfterSec?: number;
  random?: () => number;
  baseSec?: number;
  capSec?: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + Math.round(seconds) * SECOND);
}

/** Average gap between the most recent distinct item dates (future dates ignored), or undefined. */
function averagePublishingGapSec(itemDates: Date[], now: Date): number | undefined {
  const times = [...new Set(itemDates.map((date) => date.getTime()))]
    .filter((time) => Number.isFinite(time) && time <= now.getTime())
    .sort((a, b) => b - a)
    .slice(0, RECENT_ITEMS);
  if (times.length < 2) return undefined;
  return (times[0] - times[times.length - 1]) / (times.length - 1) / SECOND;
}

/**
 * The longest wait the server asked for through RSS <ttl> or HTTP freshness. Freshness is
 * Cache-Control's max-age when the response has one (no-cache/no-store count as 0), and only
 * otherwise Expires: RFC 9111 (5.3) says a recipient must ignore Expires beside max-age, so a
 * `max-age=0` with a far Expires does not keep the feed away until then.
 */
function serverRequestedSec({ now, ttlMinutes, cacheMaxAgeSec, expiresAt }: SuccessSchedule): number {
  const expiresInSec = expiresAt ? (expiresAt.getTime() - now.getTime()) / SECOND : 0;
  const freshnessSec = cacheMaxAgeSec ?? expiresInSec;
  return Math.max(0, (ttlMinutes ?? 0) * 60, freshnessSec);
}

/** The floor and ceiling of polling intervals when no setting says otherwise (POLL_MIN/MAX_...). */
const DEFAULT_MIN_INTERVAL_SEC = 900;
const DEFAULT_MAX_INTERVAL_SEC = DAY_SEC;

/**
 * Half the recent publishing gap (so a new item waits on average a quarter of a gap), clamped to
 * [minSec, maxSec]; a feed without enough dated items is polled at maxSec. The server's requested
 * interval wins when longer, still capped at maxSec so a silly TTL cannot silence a feed. After a
 * fetch that missed items the interval is also at most half the previous one (down to minSec),
 * whatever the dates or the server say: losing items costs more than one more request.
 */
export function nextCheckAfterSuccess(schedule: SuccessSchedule): Date {
  const { itemDates, now, minSec = DEFAULT_MIN_INTERVAL_SEC, maxSec = DEFAULT_MAX_INTERVAL_SEC } = schedule;
  const gap = averagePublishingGapSec(itemDates, now);
  const adaptive = gap === undefined ? maxSec : clamp(gap / 2, minSec, maxSec);
  let interval = clamp(Math.max(adaptive, serverRequestedSec(schedule)), minSec, maxSec);
  if (schedule.missedItems)
    interval = Math.min(interval, Math.max(minSec, (schedule.previousIntervalSec ?? maxSec) / 2));
  return addSeconds(now, interval);
}

/**
 * Items were probably missed when a feed that had items before answers with items none of which
 * was stored before (every item is new): the overlap that proves continuity is gone.
 */
export function missedItems(fetch: { itemsBefore: number; itemsInDocument: number; newItems: number }): boolean {
  return fetch.itemsBefore > 0 && fetch.itemsInDocument > 0 && fetch.newItems >= fetch.itemsInDocument;
}

/**
 * Exponential back-off (base * 2^(errors-1)) with "full jitter" in its upper half, capped, so that
 * many feeds failing together do not retry together. Retry-After is honoured when longer. There is
 * no "disabled" state: a broken feed is retried at least once per cap.
 */
export function nextCheckAfterError(schedule: ErrorSchedule): Date {
  const {
    consecutiveErrors,
    now,
    retryAfterSec,
    random = Math.random,
    baseSec = DEFAULT_MIN_INTERVAL_SEC,
    capSec = DEFAULT_MAX_INTERVAL_SEC,
  } = schedule;
  const exponent = Math.min(Math.max(consecutiveErrors, 1) - 1, 30);
  const ceiling = Math.min(capSec, baseSec * 2 ** exponent);
  const jittered = ceiling / 2 + (ceiling / 2) * clamp(random(), 0, 1);
  // Retry-After may exceed our cap (a week-long 503): the server knows its outage better than we do.
  return addSeconds(now, Math.max(jittered, retryAfterSec ?? 0));
}

/** Conditional GET can hide a server that never updates its validators; re-fetch in full now and then. */
export function shouldFetchUnconditionally(
  lastUnconditionalAt: Date | null | undefined,
  now: Date,
  everySec = DAY_SEC,
): boolean {
  if (!lastUnconditionalAt) return true;
  return now.getTime() - lastUnconditionalAt.getTime() >= everySec * SECOND;
}
