import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { isServable, isVersionReadFresh, KeptAnswer, ReadCachePolicy } from './read-cache-policy';

/** Distinct URLs kept: query strings are the caller's, so the store is bounded by count (answers are < 100 KB). */
const MAX_ANSWERS = 500;

/**
 * The process's store of public read answers, keyed by request URL, with one computation per URL
 * and version at a time: the clients that ask while it runs wait for it instead of repeating it.
 */
@Injectable()
export class ReadCache {
  readonly policy: ReadCachePolicy;
  private readonly answers = new LRUCache<string, KeptAnswer>({ max: MAX_ANSWERS });
  private readonly computing = new Map<string, Promise<unknown>>();
  private versionRead: { value: Promise<string>; readAt: number } | undefined;

  constructor(@Inject(APP_ENV) env: AppEnv) {
    this.policy = { maxAgeMs: env.readCache.maxAgeSeconds * 1000, lagMs: env.readCache.lagMs };
  }

  get enabled(): boolean {
    return this.policy.maxAgeMs > 0;
  }

  /**
   * The answer kept for `key` when it is younger than the lag: it may be served whatever the
   * version, so the version need not be read (the common case under load). Else undefined.
   */
  recent(key: string): KeptAnswer | undefined {
    const kept = this.answers.get(key);
    const age = kept ? Date.now() - kept.storedAt : Infinity;
    return kept && age >= 0 && age < this.policy.lagMs && age < this.policy.maxAgeMs ? kept : undefined;
  }

  /**
   * The read-model version, read at most once per lag for all URLs and askers: a version read is
   * a round trip to PostgreSQL, and under load it was half the queries the public API made. A
   * version up to `lagMs` old lets a write show within the lag, the bound the policy already allows.
   */
  version(read: () => Promise<string>): Promise<string> {
    const now = Date.now();
    const last = this.versionRead;
    if (last && isVersionReadFresh(last.readAt, now, this.policy)) return last.value;
    const value = read();
    this.versionRead = { value, readAt: now };
    // A failed read is not kept: the next asker reads again.
    value.catch(() => {
      if (this.versionRead?.value === value) this.versionRead = undefined;
    });
    return value;
  }

  /** The kept answer for `key` when it may be served at `version`, else `compute()`'s (then kept). */
  answer(key: string, version: string, compute: () => Promise<unknown>): Promise<unknown> {
    const now = Date.now();
    const kept = this.answers.get(key);
    if (kept && isServable(kept, version, now, this.policy)) return Promise.resolve(kept.value);
    const slot = `${version}\n${key}`;
    const running = this.computing.get(slot);
    if (running) return running;
    const computed = compute()
      .then((value) => {
        this.answers.set(key, { value, version, storedAt: now });
        return value;
      })
      .finally(() => this.computing.delete(slot));
    this.computing.set(slot, computed);
    return computed;
  }
}
