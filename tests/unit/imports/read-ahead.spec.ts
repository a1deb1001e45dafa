import { readAhead } from '../../../src/imports/read-ahead';

/** A source that logs when each value is asked for and handed out. */
function loggedSource(values: number[], log: string[], failAt?: number) {
  return (async function* () {
    try {
      for (const value of values) {
        log.push(`read ${value}`);
        await new Promise((r) => setImmediate(r));
        if (value === failAt) throw new Error(`cannot read ${value}`);
        yield value;
      }
    } finally {
      log.push('closed');
    }
  })();
}

describe('readAhead', () => {
  it('yields every value in order and reads the next one while the current is being worked on', async () => {
    const log: string[] = [];
    for await (const value of readAhead(loggedSource([1, 2, 3], log))) {
      log.push(`work ${value} starts`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`work ${value} ends`);
    }
    // Each value is asked for before the consumer gets the one before it: one ahead, never more.
    expect(log).toEqual([
      'read 1',
      'read 2',
      'work 1 starts',
      'work 1 ends',
      'read 3',
      'work 2 starts',
      'work 2 ends',
      'closed',
      'work 3 starts',
      'work 3 ends',
    ]);
  });

  it('passes a read error on when the consumer reaches it, without an unhandled rejection', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const value of readAhead(loggedSource([1, 2, 3], log, 2))) {
          await new Promise((r) => setTimeout(r, 5));
          seen.push(value);
        }
      })(),
    ).rejects.toThrow('cannot read 2');
    expect(seen).toEqual([1]);
  });

  it('closes the source when the consumer stops early', async () => {
    const log: string[] = [];
    for await (const value of readAhead(loggedSource([1, 2, 3], log))) if (value === 1) break;
    expect(log).toEqual(['read 1', 'read 2', 'closed']);
  });
});
