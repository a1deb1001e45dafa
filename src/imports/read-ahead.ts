/**
 * Yields what `source` yields, asking it for the next value as soon as one is handed out: an
 * import reads and normalises the next chunk (CPU) while the current one is stored and tagged
 * (mostly waiting on PostgreSQL), instead of one after the other. One value ahead at most, so
 * memory stays at two chunks.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = iterator.next();
      // Awaited on the next turn; until then a failure must not count as unhandled.
      next.catch(() => undefined);
      yield result.value;
    }
  } finally {
    // The consumer stopped early (an abort, an error): let the read in flight settle, then close the source.
    await next.catch(() => undefined);
    await iterator.return?.();
  }
}
