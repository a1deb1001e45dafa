/**
 * Concurrent writers can meet crosswise: on rollup rows (shared by every writer of a trend and
 * day/week) and on articles shared by feeds that syndicate the same stories. PostgreSQL then ends
 * the deadlock by failing one statement (Prisma P2034). The writes that go through here are
 * idempotent single statements, so running the statement again is safe.
 */
const MAX_ATTEMPTS = 3;

export async function retryOnWriteConflict<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await statement();
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt * Math.random()));
    }
  }
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
