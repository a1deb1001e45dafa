import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures as Stripe and Svix make them: the HMAC-SHA256 (key: the webhook's secret) of
 * `"<unix seconds>.<body>"`, sent as `X-Scorecard-Webhook-Signature: t=<unix seconds>,v1=<hex>`.
 * Signing the time with the body lets a receiver refuse a captured delivery replayed later: it
 * recomputes the HMAC and rejects a timestamp older than its tolerance (README: 5 minutes).
 * `X-Scorecard-Signature: sha256=<hex of the body alone>` is still sent for this version so that
 * receivers can move over; it will be dropped in the next one.
 */
const SIGNATURE_HEADER = 'x-scorecard-webhook-signature';
/** Deprecated: body only, so replayable. Sent alongside for one version. */
const LEGACY_SIGNATURE_HEADER = 'x-scorecard-signature';
const DEFAULT_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('hex');
}

/** Both signature headers for a body sent at `unixSeconds`. */
export function signatureHeaders(secret: string, body: string, unixSeconds: number): Record<string, string> {
  return {
    [SIGNATURE_HEADER]: `t=${unixSeconds},v1=${hmacHex(secret, `${unixSeconds}.${body}`)}`,
    [LEGACY_SIGNATURE_HEADER]: `sha256=${hmacHex(secret, body)}`,
  };
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * What a receiver does (and the README shows): parse `t` and every `v1`, recompute the HMAC of
 * `"t.body"` over the exact bytes received, compare in constant time, and refuse timestamps further
 * than `toleranceSeconds` from its own clock.
 */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | undefined,
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): VerifyResult {
  const parts = (header ?? '').split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const signatures = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => v!);
  if (!Number.isInteger(t) || signatures.length === 0) return { ok: false, reason: 'malformed signature header' };
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return { ok: false, reason: 'timestamp outside the tolerance' };
  const expected = Buffer.from(hmacHex(secret, `${t}.${body}`), 'hex');
  const matches = signatures.some((s) => {
    const given = Buffer.from(s, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, timestamp: t } : { ok: false, reason: 'signature does not match' };
}
