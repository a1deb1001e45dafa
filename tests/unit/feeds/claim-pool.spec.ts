import { ClaimPool } from '../../../src/feeds/claim-pool';

const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('ClaimPool', () => {
  it('asks for more feeds once half the window is done, while the slowest is still in flight', async () => {
    const pool = new ClaimPool(4);
    let slowDone = false;
    pool.add(after(300).then(() => (slowDone = true)));
    for (let i = 0; i < 3; i++) pool.add(after(10));
    expect(pool.wantsMore()).toBe(false);
    while (!pool.wantsMore()) await pool.next();
    expect(slowDone).toBe(false); // a batch would still be waiting for it
    expect(pool.room()).toBeGreaterThanOrEqual(2);
    await pool.drain();
    expect(pool.room()).toBe(4);
  });

  it('keeps the first failure and still lets the rest end', async () => {
    const pool = new ClaimPool(4);
    let finished = 0;
    pool.add(Promise.reject(new Error('database gone')));
    pool.add(Promise.reject(new Error('second')));
    pool.add(after(20).then(() => finished++));
    await pool.drain();
    expect((pool.failure as Error).message).toBe('database gone');
    expect(finished).toBe(1);
  });
});
