import { escapeHtml } from '../../src/common/html-escape';
import { sql } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';
import { reviewerToken, seedWebEvidence } from '../support/web-fixtures';

/** The scorecard's cards as the page shows them: the numbers are read from the markup. */
function cardsOf(html: string) {
  const blocks = html.split('<li class="card"').slice(1);
  return blocks.map((block) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(block)?.[1];
    const field = (name: string) => new RegExp(`data-field="${name}"[^>]*data-value="([^"]*)"`).exec(block)?.[1];
    return {
      slug: attr('data-slug'),
      number: Number(attr('data-number')),
      direction: field('direction'),
      score: Number(field('score')),
      balance: field('balance'),
      total: Number(attr('data-total')),
      accepted: Number(attr('data-accepted')),
      pending: Number(attr('data-pending')),
      rejected: Number(attr('data-rejected')),
      svgs: (block.match(/<svg /g) ?? []).length,
      statusKey: /class="status status-([a-z-]+)"/.exec(block)?.[1],
      horizonLine: /data-field="horizon">([^<]*)</.exec(block)?.[1] ?? '',
    };
  });
}

async function page(t: TestApp, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.baseUrl}${path}`, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

describe('web pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedWebEvidence(t);
  });
  afterAll(() => t.close());

  it('GET / names all ten predictions in the report order, each with its charts', async () => {
    const res = await page(t, '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const cards = cardsOf(res.html);
    expect(cards.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const card of cards) expect(card.svgs).toBeGreaterThanOrEqual(2); // sparkline and balance bar
    const trends = (await api(t.baseUrl, '/api/trends', { token: null })).body.data;
    for (const trend of trends) {
      expect(res.html).toContain(escapeHtml(trend.titleEn));
      expect(res.html).toContain(escapeHtml(trend.titleZh));
    }
  });

  it('shows on / exactly the numbers /api/scorecard answers', async () => {
    const [html, json] = await Promise.all([page(t, '/'), api(t.baseUrl, '/api/scorecard', { token: null })]);
    const cards = cardsOf(html.html);
    expect(json.body.data).toHaveLength(10);
    json.body.data.forEach((entry: any, i: number) => {
      expect(cards[i]).toMatchObject({
        slug: entry.slug,
        number: entry.number,
        direction: entry.momentum.direction,
        score: entry.momentum.score,
        balance: entry.balance === null ? '' : String(entry.balance),
        total: entry.evidence.total,
        accepted: entry.evidence.accepted,
        pending: entry.evidence.pending,
        rejected: entry.evidence.rejected,
      });
    });
    expect(cards.some((c) => c.total > 0)).toBe(true);
    // The verdict fields the API serves are the ones the cards show: status, and the horizon date.
    json.body.data.forEach((entry: any, i: number) => {
      expect(cards[i].statusKey).toBe(entry.status);
      expect(cards[i].horizonLine).toContain(entry.horizon);
    });
  });

  it('serves pages under a strict CSP with no inline script and no style attributes', async () => {
    for (const path of ['/', '/trends/compute-clusters', '/digests', '/review']) {
      const res = await page(t, path);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(res.html).not.toMatch(/\sstyle="/);
      expect(res.html).not.toMatch(/\son[a-z]+="/);
    }
  });

  it('GET /trends/<slug> shows the report text, the chart with pins, the direction in words and the evidence', async () => {
    const res = await page(t, '/trends/compute-clusters');
    expect(res.status).toBe(200);
    const trend = (await api(t.baseUrl, '/api/trends/compute-clusters', { token: null })).body;
    expect(res.html).toContain(escapeHtml(trend.summaryEn));
    expect(res.html).toContain('class="trend-chart"');
    expect(res.html).toContain('class="chart-pin');
    const momentum = (await api(t.baseUrl, '/api/trends/compute-clusters/momentum?interval=week', { token: null }))
      .body;
    expect(res.html).toContain(`data-value="${momentum.momentum.direction}"`);
    const evidence = (await api(t.baseUrl, '/api/trends/compute-clusters/evidence', { token: null })).body.data;
    expect(evidence.length).toBeGreaterThan(0);
    expect(res.html).toContain(`id="evidence-${evidence[0].id}"`);
    expect(res.html).toContain('matched GPU and 集群');
  });

  it('filters and pages the evidence list like the public API, and refuses a bad filter with 400', async () => {
    const first = await page(t, '/trends/compute-clusters?limit=2&stance=supports');
    const next = /href="([^"]*cursor=[^"]*)" rel="next"/.exec(first.html)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBeDefined();
    const second = await page(t, next!);
    expect(second.status).toBe(200);
    expect(second.html).not.toContain('stance-contradicts"><');
    const bad = await api(t.baseUrl, '/trends/compute-clusters?stance=maybe', { token: null });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await api(t.baseUrl, '/trends/no-such-prediction', { token: null })).status).toBe(404);
  });

  it('shows a browser its errors as pages (status kept, message escaped, request id), and API clients JSON', async () => {
    const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    const missing = await page(t, '/trends/no-such-prediction', browser);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(missing.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(missing.html).toContain('<h1>There is no such page</h1>');
    expect(missing.html).toContain(`Request id ${missing.headers.get('x-request-id')}`);
    expect(missing.html).toContain('href="/"');
    expect((await page(t, '/no/such/page', browser)).html).toContain('There is no such page');

    const bad = await page(t, '/trends/compute-clusters?stance=%3Cscript%3Ealert(1)%3C/script%3E', browser);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Something is wrong with this request');
    expect(bad.html).toContain('stance');
    expect(bad.html).not.toContain('<script>alert(1)');

    const zh = await page(t, '/digests/abc', { ...browser, 'accept-language': 'zh-CN' });
    expect(zh.status).toBe(400);
    expect(zh.html).toContain('请求有误');

    // The API, assets and clients that do not ask for HTML keep the JSON error body.
    for (const path of ['/api/trends/no-such-prediction', '/assets/nothing.css']) {
      const json = await page(t, path, browser);
      expect(json.status).toBe(404);
      expect(JSON.parse(json.html).error.code).toMatch(/not_found$/);
    }
    expect(JSON.parse((await page(t, '/trends/no-such-prediction')).html).error.code).toMatch(/not_found$/);
  });

  it('speaks Chinese from Accept-Language, switches with ?lang= and remembers it in a cookie', async () => {
    const zh = await page(t, '/', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' });
    expect(zh.html).toContain('<html lang="zh-Hans">');
    expect(zh.html).toContain('记分卡');
    const en = await page(t, '/?lang=en', { 'accept-language': 'zh-CN' });
    expect(en.html).toContain('<html lang="en">');
    const cookie = en.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lang=en/);
    const later = await page(t, '/trends/compute-clusters', { 'accept-language': 'zh-CN', cookie: 'lang=en' });
    expect(later.html).toContain('<html lang="en">');
    expect(later.html).toContain('href="/trends/compute-clusters?lang=zh"');
  });

  it('serves its own assets with an ETag, long caching by versioned URL, and 304 on revalidation', async () => {
    const html = (await page(t, '/')).html;
    const css = /href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    const res = await fetch(`${t.baseUrl}${css}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await fetch(`${t.baseUrl}${css}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await fetch(`${t.baseUrl}/assets/nothing.css`)).status).toBe(404);
    const text = await (await fetch(`${t.baseUrl}${css}`)).text();
    expect(text).toMatch(/Arial,\s*['"]PingFang SC['"],[^;]*['"]Noto Sans CJK SC['"],[^;]*['"]Microsoft YaHei['"]/);
  });

  it('lists digests with an Atom link and shows one digest as its HTML', async () => {
    const built = await api(t.baseUrl, '/api/admin/jobs/build-digest/run', { method: 'POST' });
    expect(built.status).toBe(200);
    const list = await page(t, '/digests');
    expect(list.html).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(list.html).toContain('href="/digests.atom"');
    const id = /href="\/digests\/(\d+)"/.exec(list.html)?.[1];
    expect(id).toBeDefined();
    const one = await page(t, `/digests/${id}`);
    expect(one.status).toBe(200);
    expect(one.html).toContain(`<iframe class="digest-frame" src="/api/digests/${id}?format=html"`);
    expect((await page(t, '/digests/abc')).status).toBe(400);
  });

  it('answers /review with a sign-in form, not the queue, without a session', async () => {
    await reviewerToken(t);
    const res = await page(t, '/review');
    expect(res.status).toBe(200);
    expect(res.html).toContain('action="/review/sign-in"');
    expect(res.html).not.toContain('data-desk');
    const stored = await sql(t.db.url, 'SELECT count(*)::int AS n FROM web_sessions');
    expect(stored[0].n).toBe(0);
  });
});
