import { hashToken } from '../../src/auth/token-hash';
import { sql } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';
import { reviewerToken, seedWebEvidence } from '../support/web-fixtures';

/** A browser in miniature: keeps cookies, posts forms, never follows redirects by itself. */
class Browser {
  readonly cookies = new Map<string, string>();
  lastSetCookie: string[] = [];
  constructor(
    private readonly baseUrl: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  async get(path: string) {
    return this.request(path, { method: 'GET' });
  }

  async post(path: string, form: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
    return this.request(path, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  private async request(path: string, init: RequestInit) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...this.extraHeaders, ...(cookie ? { cookie } : {}) },
    });
    this.lastSetCookie = res.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const v = value.join('=');
      if (v === '' || /Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name!);
      else this.cookies.set(name!, v);
    }
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }
}

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';

async function signIn(b: Browser, token: string) {
  const form = await b.get('/review');
  return b.post('/review/sign-in', { _csrf: hidden(form.html, '_csrf'), token });
}

describe('review desk', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_ATTEMPTS_PER_15_MINUTES: '20' });
    await seedWebEvidence(t, 4);
    token = await reviewerToken(t);
  });
  afterAll(() => t.close());

  it('exchanges a reviewer token for an HttpOnly, SameSite=Strict session stored only as a hash', async () => {
    const b = new Browser(t.baseUrl);
    const res = await signIn(b, token);
    expect(res.status).toBe(303);
    expect(res.location).toBe('/review');
    const line = b.lastSetCookie.find((c) => c.startsWith('sc_session='))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Strict/);
    expect(line).not.toMatch(/Secure/); // plain HTTP, no trusted proxy
    expect(line).toMatch(/Max-Age=43200/);
    const secret = b.cookies.get('sc_session')!;
    const rows = await sql(t.db.url, 'SELECT session_hash, principal_name FROM web_sessions');
    expect(rows.map((r) => r.session_hash)).toContain(hashToken(secret));
    expect(JSON.stringify(rows)).not.toContain(secret);
    const desk = await b.get('/review');
    expect(desk.html).toContain('data-desk');
    expect(desk.html).toContain('desk reviewer');
  });

  it('refuses a wrong token with 401 and a form without its CSRF token with 403', async () => {
    const b = new Browser(t.baseUrl);
    expect((await signIn(b, 'tsk_not-a-token')).status).toBe(401);
    expect((await b.post('/review/sign-in', { _csrf: 'forged', token })).status).toBe(403);
    await signIn(b, token);
    const desk = await b.get('/review');
    const id = hidden(desk.html, 'ids');
    const refused = await b.post('/review/decide', { ids: id, decision: 'accept' });
    expect(refused.status).toBe(400); // _csrf is a required field
    const forged = await b.post('/review/decide', { _csrf: 'x'.repeat(43), ids: id, decision: 'accept' });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.html).error.code).toBe('csrf_failed');
    const [row] = await sql(t.db.url, 'SELECT status FROM evidence WHERE id = $1', [Number(id)]);
    expect(row.status).toBe('pending');
  });

  it('decides through the review service, records the audit, and undoes back to pending', async () => {
    const b = new Browser(t.baseUrl);
    await signIn(b, token);
    const desk = await b.get('/review?view=one');
    const id = Number(hidden(desk.html, 'ids'));
    const csrf = hidden(desk.html, '_csrf');
    const res = await b.post('/review/decide', {
      _csrf: csrf,
      ids: String(id),
      decision: 'accept',
      stance: 'contradicts',
      note: 'checked',
      back: '/review?view=one',
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/review?view=one&done=${id}`);
    const item = (await api(t.baseUrl, `/api/admin/evidence/${id}`)).body;
    expect(item).toMatchObject({
      status: 'accepted',
      stance: 'contradicts',
      note: 'checked',
      reviewedBy: 'desk reviewer',
    });
    const after = await b.get(res.location!);
    expect(after.html).toContain('data-undo-form');
    await b.post('/review/undo', { _csrf: csrf, id: String(id), back: '/review' });
    const undone = (await api(t.baseUrl, `/api/admin/evidence/${id}`)).body;
    expect(undone.status).toBe('pending');
    const audit = (await api(t.baseUrl, `/api/admin/audit?evidenceId=${id}`)).body.data;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['undo', 'accept']);
  });

  it('decides in bulk from the list view', async () => {
    const b = new Browser(t.baseUrl);
    await signIn(b, token);
    const desk = await b.get('/review?view=list');
    const ids = [...desk.html.matchAll(/name="ids" value="(\d+)" form="bulk"/g)].slice(0, 3).map((m) => m[1]!);
    expect(ids).toHaveLength(3);
    const res = await b.post('/review/decide', { _csrf: hidden(desk.html, '_csrf'), ids, decision: 'reject' });
    expect(res.location).toBe('/review?done=n3');
    const rows = await sql(t.db.url, 'SELECT status FROM evidence WHERE id = ANY($1::int[])', [ids.map(Number)]);
    expect(rows.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it('ends the session on sign-out, on expiry, and when its token is revoked', async () => {
    const b = new Browser(t.baseUrl);
    await signIn(b, token);
    const desk = await b.get('/review');
    const out = await b.post('/review/sign-out', { _csrf: hidden(desk.html, '_csrf') });
    expect(out.status).toBe(303);
    expect((await b.get('/review')).html).toContain('action="/review/sign-in"');

    await signIn(b, token);
    await sql(t.db.url, "UPDATE web_sessions SET expires_at = now() - interval '1 second'");
    expect((await b.get('/review')).html).toContain('action="/review/sign-in"');

    const other = await reviewerToken(t, 'to be revoked');
    await signIn(b, other);
    expect((await b.get('/review')).html).toContain('data-desk');
    const tokens = (await api(t.baseUrl, '/api/admin/tokens')).body.data;
    const id = tokens.find((x: { name: string }) => x.name === 'to be revoked').id;
    await api(t.baseUrl, `/api/admin/tokens/${id}`, { method: 'DELETE' });
    expect((await b.get('/review')).html).toContain('action="/review/sign-in"');
  });

  it('throttles sign-in attempts per client address', async () => {
    const b = new Browser(t.baseUrl);
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await signIn(b, 'tsk_wrong')).status;
    expect(last).toBe(429);
    expect((await signIn(b, token)).status).toBe(429);
  });
});

describe('review desk behind a TLS proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(() => t.close());

  it('marks the session cookie Secure when X-Forwarded-Proto says https', async () => {
    const token = await reviewerToken(t);
    const b = new Browser(t.baseUrl, { 'x-forwarded-proto': 'https' });
    expect((await signIn(b, token)).status).toBe(303);
    expect(b.lastSetCookie.find((c) => c.startsWith('sc_session='))).toMatch(/Secure/);
  });
});
