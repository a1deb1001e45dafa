import { Injectable } from '@nestjs/common';

/** Flipped once migrations are applied and the predictions seeded; /health/ready reads it. */
@Injectable()
export class ReadinessState {
  private ready = false;
  private reason = 'starting';

  markReady(): void {
    this.ready = true;
    this.reason = 'ready';
  }

  status(): { ready: boolean; reason: string } {
    return { ready: this.ready, reason: this.reason };
  }
}
