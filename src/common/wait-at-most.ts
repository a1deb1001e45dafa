/**
 * Waits for `work`, but no longer than `ms`: shutdown steps that must not hang on something that
 * never finishes (a job past its grace, a connection that never reports its close). A rejection
 * of `work` within the time propagates; the timer is cleared either way.
 */
export async function waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([work, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
