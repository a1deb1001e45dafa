/**
 * Errors that say the database itself is unreachable or went away (a restart, a failover, a cut
 * connection), as opposed to a statement that failed. Ingestion must not blame a feed for these,
 * and a job hit by one stops and records it rather than marching on through every feed.
 */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
/** 57P01-03: admin / crash shutdown, cannot connect now; P1001/P1017: Prisma's unreachable / closed. */
const CONNECTION_CODES = new Set(['57P01', '57P02', '57P03', 'P1001', 'P1017']);
const CONNECTION_MESSAGES =
  /Connection terminated|connection (?:is )?closed|terminating connection|Can't reach database|ECONNREFUSED|ECONNRESET|the database system is (?:starting up|shutting down)/i;

export function isDatabaseConnectionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === 'string' && (CONNECTION_ERRNOS.has(code) || CONNECTION_CODES.has(code) || code.startsWith('08')))
    return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
  return isDatabaseConnectionError(cause, depth + 1);
}

/**
 * Runs an idempotent bookkeeping write until it goes through or `withinMs` has passed: recording
 * how a run ended must survive a database restart of a few seconds, or the run stays `running`.
 *
 * Hand-written, unlike retryOnWriteConflict (p-retry): this one is bounded by a deadline, not a
 * count. p-retry@4 says that only as `forever` + `maxRetryTime`, which checks the deadline after a
 * failure (so it sleeps past it and tries once more) and rejects with the most frequent error
 * rather than the last; the loop never waits beyond the deadline and throws what the database said last.
 */
export async function retryWhileDatabaseDown<T>(write: () => Promise<T>, withinMs = 30_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (let wait = 250; ; wait = Math.min(wait * 2, 2000)) {
    try {
      return await write();
    } catch (error) {
      if (!isDatabaseConnectionError(error) || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
