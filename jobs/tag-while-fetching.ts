import type { TaggingService, TaggingSummary } from '../src/tagging/tagging.service';

/**
 * Tags stored articles while ingestion is still fetching, instead of after all of it: one tagging
 * pass at a time, started when a feed has stored new articles, and run again while more arrived
 * meanwhile. finish() waits for the pass in flight and runs a last one, so every article stored by
 * the run (and any a crashed run left untagged) is tagged, as when tagging ran after fetching.
 * The same articles get the same evidence either way: tagging an article depends on it and the
 * rules alone, not on when it is tagged.
 */
export class TagWhileFetching {
  private running: Promise<void> | undefined;
  private again = false;
  private readonly totals: TaggingSummary = {
    articlesTagged: 0,
    evidenceNew: 0,
    evidenceRefreshed: 0,
    evidenceWithdrawn: 0,
    modelProposals: 0,
  };
  private failure: unknown;

  constructor(
    private readonly tagging: TaggingService,
    private readonly signal: AbortSignal,
  ) {}

  /** New articles were stored: tag them soon. */
  nudge(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.passes()
      .catch((error) => void (this.failure ??= error))
      .finally(() => (this.running = undefined));
  }

  async finish(): Promise<TaggingSummary> {
    await this.running;
    // The tagging pass's own error, rethrown as it was (an Error from the database or the matcher).
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (this.failure !== undefined) throw this.failure;
    this.add(await this.tagging.tagUntagged(this.signal));
    return this.totals;
  }

  private async passes(): Promise<void> {
    do {
      this.again = false;
      this.add(await this.tagging.tagUntagged(this.signal));
    } while (this.again && !this.signal.aborted);
  }

  private add(summary: TaggingSummary): void {
    for (const key of Object.keys(this.totals) as (keyof TaggingSummary)[]) this.totals[key] += summary[key];
  }
}
