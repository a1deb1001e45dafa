import {
  missedItems,
  nextCheckAfterError,
  nextCheckAfterSuccess,
  shouldFetchUnconditionally,
} from '../../../src/feeds/polling-policy';

const now = new Date('2024-06-01T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const secondsUntil = (date: Date) => (date.getTime() - now.getTime()) / 1000;

describe('nextCheckAfterSuccess', () => {
  it('polls at half the average recent publishing gap', () => {
    const everyFourHours = [0, 4, 8, 12, 16].map(hoursAgo);
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: everyFourHours, now }))).toBe(2 * 3600);
  });

  it('clamps a very busy feed to minSec and a silent one to maxSec', () => {
    const everyMinute = [0, 1, 2, 3].map((m) => new Date(now.getTime() - m * 60_000));
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: everyMinute, now }))).toBe(900);
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: [hoursAgo(0), hoursAgo(24 * 30)], now }))).toBe(86_400);
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: [], now }))).toBe(86_400);
  });

  it('ignores future-dated items when measuring the gap', () => {
    const dates = [hoursAgo(0), hoursAgo(2), new Date(now.getTime() + 3_600_000 * 100)];
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: dates, now }))).toBe(3600);
  });

  it('honours TTL, Cache-Control and Expires when they ask for longer, capped at maxSec', () => {
    const busy = [0, 1, 2].map(hoursAgo);
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: busy, now, ttlMinutes: 180 }))).toBe(3 * 3600);
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: busy, now, cacheMaxAgeSec: 7200 }))).toBe(7200);
    expect(
      secondsUntil(nextCheckAfterSuccess({ itemDates: busy, now, expiresAt: new Date(now.getTime() + 5 * 3_600_000) })),
    ).toBe(5 * 3600);
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: busy, now, ttlMinutes: 60 * 24 * 7 }))).toBe(86_400);
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: busy, now, cacheMaxAgeSec: 10 }))).toBe(1800);
  });
});

describe('nextCheckAfterSuccess and HTTP freshness (RFC 9111: Expires is ignored beside max-age)', () => {
  const busy = [0, 1, 2].map(hoursAgo);
  const inFiveHours = new Date(now.getTime() + 5 * 3_600_000);

  it('lets max-age, or no-cache, win over a later Expires', () => {
    expect(
      secondsUntil(nextCheckAfterSuccess({ itemDates: busy, now, cacheMaxAgeSec: 0, expiresAt: inFiveHours })),
    ).toBe(1800); // the feed's own rate (half its hourly gap), not five hours
    expect(
      secondsUntil(nextCheckAfterSuccess({ itemDates: busy, now, cacheMaxAgeSec: 7200, expiresAt: inFiveHours })),
    ).toBe(7200);
  });

  it('uses Expires when there is no max-age, and RSS <ttl> beside either', () => {
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: busy, now, expiresAt: inFiveHours }))).toBe(5 * 3600);
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: busy, now, cacheMaxAgeSec: 0, ttlMinutes: 180 }))).toBe(
      3 * 3600,
    );
  });
});

describe('nextCheckAfterError', () => {
  it('doubles the delay with each consecutive error, jitter within the upper half', () => {
    const lowest = (errors: number) =>
      secondsUntil(nextCheckAfterError({ consecutiveErrors: errors, now, random: () => 0 }));
    const highest = (errors: number) =>
      secondsUntil(nextCheckAfterError({ consecutiveErrors: errors, now, random: () => 1 }));
    expect([highest(1), highest(2), highest(3)]).toEqual([900, 1800, 3600]);
    expect(lowest(3)).toBe(1800);
  });

  it('caps at a day and never gives up, however many errors', () => {
    expect(secondsUntil(nextCheckAfterError({ consecutiveErrors: 1000, now, random: () => 1 }))).toBe(86_400);
    expect(nextCheckAfterError({ consecutiveErrors: Number.MAX_SAFE_INTEGER, now }).getTime()).toBeGreaterThan(
      now.getTime(),
    );
  });

  it('honours a longer Retry-After', () => {
    expect(secondsUntil(nextCheckAfterError({ consecutiveErrors: 1, now, retryAfterSec: 7200, random: () => 1 }))).toBe(
      7200,
    );
    expect(secondsUntil(nextCheckAfterError({ consecutiveErrors: 1, now, retryAfterSec: 5, random: () => 1 }))).toBe(
      900,
    );
  });
});

describe('shouldFetchUnconditionally', () => {
  it('is true the first time and once a day after', () => {
    expect(shouldFetchUnconditionally(null, now)).toBe(true);
    expect(shouldFetchUnconditionally(hoursAgo(23), now)).toBe(false);
    expect(shouldFetchUnconditionally(hoursAgo(24), now)).toBe(true);
    expect(shouldFetchUnconditionally(hoursAgo(2), now, 3600)).toBe(true);
  });
});

describe('polling floor and missed items', () => {
  const everyTwentySeconds = Array.from({ length: 30 }, (_, i) => new Date(now.getTime() - i * 20_000));

  it('polls a busy feed at the configured floor, not a fixed 15 minutes', () => {
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: everyTwentySeconds, now, minSec: 60 }))).toBe(60);
    expect(secondsUntil(nextCheckAfterSuccess({ itemDates: [], now, maxSec: 6 * 3600 }))).toBe(6 * 3600);
  });

  it('halves the previous interval after a fetch that missed items, down to the floor, whatever the server asks', () => {
    const missed = { itemDates: [], now, minSec: 60, missedItems: true, ttlMinutes: 600 };
    expect(secondsUntil(nextCheckAfterSuccess({ ...missed, previousIntervalSec: 3600 }))).toBe(1800);
    expect(secondsUntil(nextCheckAfterSuccess({ ...missed, previousIntervalSec: 90 }))).toBe(60);
  });

  it.each([
    [{ itemsBefore: 10, itemsInDocument: 5, newItems: 5 }, true],
    [{ itemsBefore: 10, itemsInDocument: 5, newItems: 4 }, false],
    [{ itemsBefore: 0, itemsInDocument: 5, newItems: 5 }, false],
    [{ itemsBefore: 10, itemsInDocument: 0, newItems: 0 }, false],
  ])('tells a gap from an overlap: %j -> %s', (fetch, expected) => {
    expect(missedItems(fetch)).toBe(expected);
  });

  /**
   * A wire publishing 3 items a minute that shows its latest 30, polled for two hours as the
   * ingester would: each poll stores what it sees, then reschedules from the items' dates.
   */
  function simulateLostItems(minSec: number): number {
    const perMinute = 3;
    const shows = 30;
    const published = (t: number) => Math.floor((t / 60_000) * perMinute);
    let stored = new Set<number>();
    let t = 10 * 60_000;
    let lastPoll = t;
    let interval = 3600;
    while (t < 2 * 3_600_000) {
      const newest = published(t);
      const visible = Array.from({ length: Math.min(shows, newest) }, (_, i) => newest - 1 - i);
      const fresh = visible.filter((n) => !stored.has(n));
      const gap = missedItems({ itemsBefore: stored.size, itemsInDocument: visible.length, newItems: fresh.length });
      stored = new Set([...stored, ...visible]);
      const dates = visible.map((n) => new Date((n / perMinute) * 60_000));
      const next = nextCheckAfterSuccess({
        itemDates: dates,
        now: new Date(t),
        minSec,
        missedItems: gap,
        previousIntervalSec: interval,
      });
      interval = (next.getTime() - t) / 1000;
      lastPoll = t;
      t = next.getTime();
    }
    // Everything published up to the last poll should be stored by then.
    return published(lastPoll) - stored.size;
  }

  it('loses items at a 15-minute floor and none at a 1-minute floor', () => {
    expect(simulateLostItems(900)).toBeGreaterThan(0);
    expect(simulateLostItems(60)).toBe(0);
  });
});
