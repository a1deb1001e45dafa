import { createHmac } from 'node:crypto';
import { signatureHeaders, verifyWebhookSignature } from '../../../src/digests/webhook-signature';

const SECRET = 'whsec-test-secret';
const BODY = '{"digest":{"id":1}}';
const T = 1_767_225_600;

describe('webhook signatures', () => {
  const headers = signatureHeaders(SECRET, BODY, T);
  const signed = headers['x-scorecard-webhook-signature']!;

  it('signs "t.body" with HMAC-SHA256 and keeps the body-only header for one version', () => {
    const hex = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(signed).toBe(`t=${T},v1=${hex}`);
    expect(headers['x-scorecard-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`);
  });

  it('verifies within the tolerance, on either side of the receiver clock', () => {
    expect(verifyWebhookSignature(SECRET, BODY, signed, T)).toEqual({ ok: true, timestamp: T });
    expect(verifyWebhookSignature(SECRET, BODY, signed, T + 300).ok).toBe(true);
    expect(verifyWebhookSignature(SECRET, BODY, signed, T - 300).ok).toBe(true);
  });

  it.each([
    ['a replay after more than 5 minutes', SECRET, BODY, signed, T + 301],
    ['another body', SECRET, `${BODY} `, signed, T],
    ['another secret', 'other', BODY, signed, T],
    ['a timestamp moved forward', SECRET, BODY, signed.replace(`t=${T}`, `t=${T + 60}`), T + 60],
    ['a missing header', SECRET, BODY, undefined, T],
    ['a header without v1', SECRET, BODY, `t=${T}`, T],
  ])('refuses %s', (_what, secret, body, header, now) => {
    expect(verifyWebhookSignature(secret, body, header, now).ok).toBe(false);
  });

  it('accepts any of several v1 signatures (secret rotation)', () => {
    const other = signatureHeaders('old-secret', BODY, T)['x-scorecard-webhook-signature']!.split(',')[1];
    expect(verifyWebhookSignature(SECRET, BODY, `${signed},${other}`, T).ok).toBe(true);
  });
});
