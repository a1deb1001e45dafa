/**
 * When a failed delivery is tried again. Pure, so the schedule is easy to read and to change.
 * With the deliver-digests job ticking every 5 minutes, six attempts span about two and a half
 * hours: long enough to ride out a receiver's deploy or restart, short enough that a digest
 * still arrives the day it was built.
 */
export const MAX_DELIVERY_ATTEMPTS = 6;
const RETRY_BASE_MS = 5 * 60 * 1000;
/** A claimed delivery whose sender vanished (crash) becomes due again after this long. */
export const SENDING_LEASE_MS = 2 * 60 * 1000;

export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

export interface FailureOutcome {
  status: Extract<DeliveryStatus, 'pending' | 'failed'>;
  /** From now until the next attempt (0 when giving up). */
  delayMs: number;
}

/** After the `attempts`-th failed attempt: retry in base * 2^(attempts - 1), or give up. */
export function afterFailure(attempts: number): FailureOutcome {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return { status: 'failed', delayMs: 0 };
  return { status: 'pending', delayMs: RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1) };
}
