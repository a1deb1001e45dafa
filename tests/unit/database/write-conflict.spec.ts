import { retryOnWriteConflict } from '../../../src/database/write-conflict';

function conflict(code: string): Error {
  return Object.assign(new Error(`write conflict ${code}`), { code });
}

/** A statement that fails with `failures` in turn, then answers 'stored'; counts its runs. */
function statement(...failures: Error[]) {
  const runs = { count: 0 };
  const run = () => {
    const failure = failures[runs.count++];
    return failure ? Promise.reject(failure) : Promise.resolve('stored');
  };
  return { run, runs };
}

describe('retryOnWriteConflict', () => {
  it.each(['P2034', '40P01', '40001'])('runs the statement again after a %s conflict', async (code) => {
    const { run, runs } = statement(conflict(code));
    await expect(retryOnWriteConflict(run)).resolves.toBe('stored');
    expect(runs.count).toBe(2);
  });

  it('recognises a deadlock by its message when no code came with it', async () => {
    const { run, runs } = statement(new Error('ERROR: deadlock detected'));
    await expect(retryOnWriteConflict(run)).resolves.toBe('stored');
    expect(runs.count).toBe(2);
  });

  it('gives up after three runs, with the conflict', async () => {
    const { run, runs } = statement(conflict('40P01'), conflict('40P01'), conflict('40P01'), conflict('40P01'));
    await expect(retryOnWriteConflict(run)).rejects.toMatchObject({ code: '40P01' });
    expect(runs.count).toBe(3);
  });

  it('throws any other failure at once, unchanged', async () => {
    const unique = conflict('23505');
    const { run, runs } = statement(unique);
    await expect(retryOnWriteConflict(run)).rejects.toBe(unique);
    expect(runs.count).toBe(1);
  });
});
