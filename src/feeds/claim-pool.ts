/**
 * The feeds a run holds, as promises in flight, with room for `window` of them. More are claimed
 * once half the window is done (one claim statement per half window, not per feed), so while the
 * claim runs the other half keeps every fetch slot busy. The first rejection is kept as the pool's
 * failure: the run stops claiming, and drain() waits for the rest to end.
 */
export class ClaimPool {
  private readonly inFlight = new Set<Promise<unknown>>();
  failure: unknown = undefined;

  constructor(private readonly window: number) {}

  wantsMore(): boolean {
    return this.inFlight.size <= this.window / 2;
  }

  room(): number {
    return this.window - this.inFlight.size;
  }

  add(task: Promise<unknown>): void {
    const tracked: Promise<unknown> = task
      .catch((error) => this.fail(error))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Records the first failure; returns undefined so a failed claim reads as "nothing claimed". */
  fail(error: unknown): undefined {
    if (this.failure === undefined) this.failure = error;
    return undefined;
  }

  /** Resolves when any task in flight ends (at once when none is). */
  async next(): Promise<void> {
    if (this.inFlight.size > 0) await Promise.race(this.inFlight);
  }

  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
