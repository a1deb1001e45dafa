import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { RULES_CHANGED } from '../src/tagging/rules.service';
import { JobRunner } from './job-runner.service';

/**
 * Starts a `retag` run in the background when an admin changes a rule set, so the PUT answers
 * at once. A change arriving while a retag runs is picked up by asking again when it ends.
 */
@Injectable()
export class RetagOnRuleChange {
  private readonly logger = new Logger(RetagOnRuleChange.name);
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly runner: JobRunner) {}

  /** For tests and shutdown: resolves when the background retag (if any) is done. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  @OnEvent(RULES_CHANGED)
  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runner
      .runNow('retag', 'api')
      .then(() => undefined)
      .catch((error: unknown) =>
        this.logger.warn(
          `retag after rule change did not run: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.request();
        }
      });
  }
}
