import { createHmac, timingSafeEqual } from 'node:crypto';
import { verifyWebhookSignature } from '../../src/digests/webhook-signature';
import {
  at,
  MailServer,
  plusDays,
  Receiver,
  seedEvidence,
  startMailServer,
  startReceiver,
} from '../integration/digests/digest-test-support';
import { sql } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';
import { Clock } from '../../src/common/clock';

/** Delivery of digests to a real HTTP receiver and a real SMTP server, both on 127.0.0.1. */
const BASE = 'https://scorecard.example';
const SECRET = 'receiver-secret-0123456789';
const W1 = at('2026-03-02T00:00:00Z');

function validSignature(body: string, header: string | string[] | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(String(header ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The Subject header, unfolded, with RFC 2047 encoded words (Q or B, UTF-8) decoded. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  const unfolded = header.replace(/\?=\r?\n[ \t]+=\?/g, '?==?').replace(/\r?\n[ \t]+/g, ' ');
  return unfolded
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .replace(/\?==\?/g, '');
}

describe('digests: delivery by webhook and email', () => {
  let t: TestApp;
  let mail: MailServer;
  let good: Receiver;
  let flaky: Receiver;
  let now = plusDays(W1, 0.3);
  const admin = (path: string, init: { method?: string; body?: unknown } = {}) => api(t.baseUrl, path, init);
  const buildDigest = () => admin('/api/admin/jobs/build-digest/run', { method: 'POST' });
  const deliveries = async (digestId: number) => (await admin(`/api/admin/deliveries?digestId=${digestId}`)).body.data;

  beforeAll(async () => {
    [mail, good, flaky] = await Promise.all([startMailServer(), startReceiver([200]), startReceiver([500, 200])]);
    t = await startTestApp({ PUBLIC_BASE_URL: BASE, SMTP_URL: mail.url, DIGEST_EMAIL_TO: 'analyst@example.test' });
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => now);
    await seedEvidence(t.db.url, [
      {
        slug: 'compute-clusters',
        stance: 'supports',
        status: 'accepted',
        score: 0.9,
        at: plusDays(W1, 1),
        title: 'Cluster <b>story</b>',
      },
    ]);
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([mail.close(), good.close(), flaky.close()]);
  });

  it('registers webhooks without ever showing the secret again', async () => {
    const created = await admin('/api/admin/webhooks', { method: 'POST', body: { url: good.url, secret: SECRET } });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('secret');
    const generated = await admin('/api/admin/webhooks', { method: 'POST', body: { url: flaky.url } });
    expect(generated.body.secret).toEqual(expect.any(String));
    const list = await admin('/api/admin/webhooks');
    expect(list.body.data.map((w: { url: string }) => w.url)).toEqual([good.url, flaky.url]);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    expect(
      (await admin('/api/admin/webhooks', { method: 'POST', body: { url: good.url, secret: SECRET } })).status,
    ).toBe(409);
    expect(
      (await admin('/api/admin/webhooks', { method: 'POST', body: { url: 'ftp://x.example/', secret: SECRET } }))
        .status,
    ).toBe(400);
  });

  it('posts the digest signed with HMAC-SHA256 to the receiver and emails it with HTML and plain text', async () => {
    now = plusDays(W1, 7.3);
    const run = await buildDigest();
    expect(run.body.summary).toMatchObject({
      outcome: 'built',
      deliveries: { attempted: 3, delivered: 2, retrying: 1, failed: 0 },
    });
    const digestId = run.body.summary.digestId;

    expect(good.requests).toHaveLength(1);
    const [request] = good.requests;
    expect(validSignature(request!.body, request!.headers['x-scorecard-signature'], SECRET)).toBe(true);
    expect(validSignature(request!.body, request!.headers['x-scorecard-signature'], 'another-secret')).toBe(false);
    // The timestamped signature, verified as the README tells a receiver to.
    const signed = String(request!.headers['x-scorecard-webhook-signature']);
    expect(signed).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const nowSeconds = Math.floor(Date.now() / 1000);
    expect(verifyWebhookSignature(SECRET, request!.body, signed, nowSeconds)).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(SECRET, request!.body, signed, nowSeconds + 301)).toMatchObject({ ok: false });
    expect(verifyWebhookSignature(SECRET, `${request!.body} `, signed, nowSeconds)).toMatchObject({ ok: false });
    const payload = JSON.parse(request!.body);
    expect(payload.digest).toMatchObject({ periodStart: W1.toISOString(), periodEnd: plusDays(W1, 7).toISOString() });
    expect(payload.links).toEqual({
      html: `${BASE}/api/digests/${digestId}?format=html`,
      md: `${BASE}/api/digests/${digestId}?format=md`,
      json: `${BASE}/api/digests/${digestId}`,
    });
    const log = await deliveries(digestId);
    const webhookRow = log.find((d: { target: string }) => d.target === good.url);
    expect(request!.headers['x-scorecard-delivery']).toBe(String(webhookRow.id));

    expect(mail.messages).toHaveLength(1);
    const [message] = mail.messages;
    expect(message!.to).toEqual(['analyst@example.test']);
    expect(subjectOf(message!.raw)).toMatch(/^Trend digest 2026-03-02 – 2026-03-08: \d+ movers?$/);
    expect(message!.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(message!.raw).toMatch(/Content-Type: text\/plain/i);
    expect(message!.raw).toMatch(/Content-Type: text\/html/i);
  });

  it('retries a receiver that failed, with the attempts and the error in the delivery log', async () => {
    const digestId = (await admin('/api/digests/latest')).body.id;
    const pending = (await deliveries(digestId)).find((d: { target: string }) => d.target === flaky.url);
    expect(pending).toMatchObject({ channel: 'webhook', status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    expect(new Date(pending.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());

    expect((await admin('/api/admin/jobs/deliver-digests/run', { method: 'POST' })).body.summary).toMatchObject({
      attempted: 0,
    });
    await sql(t.db.url, 'UPDATE deliveries SET next_attempt_at = now() WHERE id = $1', [pending.id]);
    const retry = await admin('/api/admin/jobs/deliver-digests/run', { method: 'POST' });
    expect(retry.body.summary).toMatchObject({ attempted: 1, delivered: 1 });
    expect((await deliveries(digestId)).find((d: { id: number }) => d.id === pending.id)).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastError: null,
    });
    expect(flaky.requests).toHaveLength(2);
  });

  it('never sends a digest twice to the same destination', async () => {
    await sql(t.db.url, "UPDATE deliveries SET next_attempt_at = now() - interval '1 hour'");
    expect((await admin('/api/admin/jobs/deliver-digests/run', { method: 'POST' })).body.summary).toMatchObject({
      attempted: 0,
    });
    expect((await buildDigest()).body.summary.outcome).toBe('already built');
    expect(good.requests).toHaveLength(1);
    expect(flaky.requests).toHaveLength(2);
    expect(mail.messages).toHaveLength(1);
    const rows = await sql(t.db.url, 'SELECT channel, target, count(*)::int AS n FROM deliveries GROUP BY 1, 2');
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('sends the next digest again to every destination, and stops for a removed webhook', async () => {
    const flakyId = (await admin('/api/admin/webhooks')).body.data.find((w: { url: string }) => w.url === flaky.url).id;
    expect((await admin(`/api/admin/webhooks/${flakyId}`, { method: 'DELETE' })).status).toBe(204);
    now = plusDays(W1, 14.3);
    const run = await buildDigest();
    expect(run.body.summary).toMatchObject({ outcome: 'built', deliveries: { attempted: 2, delivered: 2 } });
    expect(good.requests).toHaveLength(2);
    expect(mail.messages).toHaveLength(2);
    expect(JSON.parse(good.requests[1]!.body).digest.nothingMoved).toBe(true);
  });
});

describe('digests: webhook addresses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ FEED_ALLOW_PRIVATE_NETWORKS: 'false' });
  });
  afterAll(() => t.close());

  it.each(['http://127.0.0.1:9/hook', 'http://10.0.0.5/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest'])(
    'refuses the private address %s',
    async (url) => {
      const res = await api(t.baseUrl, '/api/admin/webhooks', { method: 'POST', body: { url, secret: SECRET } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('webhook_url_blocked');
    },
  );

  it('needs an admin token', async () => {
    expect((await api(t.baseUrl, '/api/admin/webhooks', { token: null })).status).toBe(401);
    expect((await api(t.baseUrl, '/api/admin/deliveries', { token: null })).status).toBe(401);
  });
});
