/**
 * When a kept answer of the public read API may be served again (pure; times in ms).
 *
 * - Never once older than `maxAgeMs`: answers also move with the clock (the running week, days
 *   to a horizon), not only with the data.
 * - While the data has not changed since it was computed (same read-model version): yes.
 * - After a change, for at most `lagMs`: under ingestion the version moves many times a second,
 *   and recomputing the scorecard for every request would make the API as slow as it was
 *   without a cache (bench/load.bench.ts). `lagMs = 0` serves nothing computed before a change.
 */
export interface ReadCachePolicy {
  maxAgeMs: number;
  lagMs: number;
}

export interface KeptAnswer {
  value: unknown;
  version: string;
  storedAt: number;
}

export function isServable(answer: KeptAnswer, currentVersion: string, now: number, policy: ReadCachePolicy): boolean {
  const age = now - answer.storedAt;
  if (age < 0 || age >= policy.maxAgeMs) return false;
  return answer.version === currentVersion || age < policy.lagMs;
}

/**
 * Whether a version read at `readAt` may stand for the current one: while it is younger than the
 * lag (a write then shows within the lag, as above). At lag 0 every asker reads the version.
 */
export function isVersionReadFresh(readAt: number, now: number, policy: ReadCachePolicy): boolean {
  const age = now - readAt;
  return age >= 0 && age < policy.lagMs;
}
