import type { AppEnv } from '../../../src/config/env';
import { ReadCache } from '../../../src/read-cache/read-cache';
import { isServable, isVersionReadFresh } from '../../../src/read-cache/read-cache-policy';

const policy = { maxAgeMs: 10_000, lagMs: 2_000 };

describe('isServable', () => {
  const answer = { value: 1, version: '7', storedAt: 1_000 };

  it('serves an answer of the current version until it is maxAge old', () => {
    expect(isServable(answer, '7', 1_000, policy)).toBe(true);
    expect(isServable(answer, '7', 10_999, policy)).toBe(true);
    expect(isServable(answer, '7', 11_000, policy)).toBe(false);
  });

  it('serves an answer of an older version only within the lag', () => {
    expect(isServable(answer, '8', 2_999, policy)).toBe(true);
    expect(isServable(answer, '8', 3_000, policy)).toBe(false);
    expect(isServable(answer, '8', 1_000, { ...policy, lagMs: 0 })).toBe(false);
  });

  it('never serves an answer from the future (a clock stepped back)', () => {
    expect(isServable(answer, '7', 999, policy)).toBe(false);
  });
});

describe('isVersionReadFresh', () => {
  it('lets a version read stand for the current one only within the lag', () => {
    expect(isVersionReadFresh(1_000, 2_999, policy)).toBe(true);
    expect(isVersionReadFresh(1_000, 3_000, policy)).toBe(false);
    expect(isVersionReadFresh(1_000, 1_000, { ...policy, lagMs: 0 })).toBe(false);
    expect(isVersionReadFresh(1_000, 999, policy)).toBe(false);
  });
});

describe('ReadCache', () => {
  const cacheWith = (maxAgeSeconds: number, lagMs: number) =>
    new ReadCache({ readCache: { maxAgeSeconds, lagMs } } as AppEnv);

  it('computes once for concurrent askers of one URL and version, then serves the kept answer', async () => {
    const cache = cacheWith(10, 0);
    let computed = 0;
    const compute = async () => {
      computed += 1;
      await new Promise((r) => setTimeout(r, 20));
      return { n: computed };
    };
    const answers = await Promise.all([1, 2, 3].map(() => cache.answer('/api/scorecard', '5', compute)));
    expect(computed).toBe(1);
    expect(answers).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    expect(await cache.answer('/api/scorecard', '5', compute)).toEqual({ n: 1 });
    expect(computed).toBe(1);
    // Another URL, or the same at a new version (lag 0), is computed afresh.
    expect(await cache.answer('/api/trends', '5', compute)).toEqual({ n: 2 });
    expect(await cache.answer('/api/scorecard', '6', compute)).toEqual({ n: 3 });
  });

  it('keeps no failure: the next asker computes again', async () => {
    const cache = cacheWith(10, 2_000);
    await expect(cache.answer('/x', '1', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.answer('/x', '1', () => Promise.resolve('ok'))).toBe('ok');
  });

  it('hands out a kept answer without a version only while it is younger than the lag', async () => {
    const lagging = cacheWith(10, 60_000);
    await lagging.answer('/x', '1', () => Promise.resolve('kept'));
    expect(lagging.recent('/x')?.value).toBe('kept');
    expect(lagging.recent('/y')).toBeUndefined();
    const atOnce = cacheWith(10, 0);
    await atOnce.answer('/x', '1', () => Promise.resolve('kept'));
    expect(atOnce.recent('/x')).toBeUndefined();
  });

  it('reads the version once per lag for all askers, and again after a failed read', async () => {
    let reads = 0;
    const read = () => Promise.resolve(String(++reads));
    const lagging = cacheWith(10, 60_000);
    expect(await Promise.all([lagging.version(read), lagging.version(read)])).toEqual(['1', '1']);
    expect(await lagging.version(read)).toBe('1');
    const atOnce = cacheWith(10, 0);
    expect([await atOnce.version(read), await atOnce.version(read)]).toEqual(['2', '3']);
    const failing = cacheWith(10, 60_000);
    await expect(failing.version(() => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await failing.version(read)).toBe('4');
  });

  it('is off at max age 0', () => {
    expect(cacheWith(0, 2_000).enabled).toBe(false);
    expect(cacheWith(10, 2_000).enabled).toBe(true);
  });
});
