import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedServer, startFeedServer } from '../support/feed-server';
import { sql } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * RFC 5005 archives over a loopback feed server. The app runs with private networks REFUSED and
 * only 127.0.0.0/8 allowed (FEED_ALLOWED_NETWORKS), as an operator would allow one internal host:
 * a page redirecting to 10.x or 192.168.x must then be refused by the guard before any connection
 * (an IP literal is checked before the request; nothing is ever sent off the loopback).
 */
function atomPage(
  server: FeedServer,
  n: number,
  links: Record<string, string>,
  entries: Array<[string, string]>,
): string {
  const linkTags = Object.entries(links)
    .map(([rel, path]) => `<link rel="${rel}" href="${path.startsWith('http') ? path : server.url(path)}"/>`)
    .join('');
  const body = entries
    .map(
      ([id, date]) =>
        `<entry><id>urn:${id}</id><title>Nvidia GPU training cluster story ${id}</title><link href="https://archive.example/${id}"/><updated>${date}</updated></entry>`,
    )
    .join('');
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Archived ${n}</title><id>urn:feed</id>${linkTags}${body}</feed>`;
}

async function waitForImport(t: TestApp, id: number): Promise<any> {
  for (let i = 0; i < 200; i++) {
    const { body } = await api(t.baseUrl, `/api/admin/imports/${id}`);
    if (body.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} still running`);
}

describe('imports over the API', () => {
  let t: TestApp;
  let server: FeedServer;
  const importDir = mkdtempSync(join(tmpdir(), 'import-e2e-'));

  beforeAll(async () => {
    server = await startFeedServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const send = (xml: string) => response.writeHead(200, { 'content-type': 'application/atom+xml' }).end(xml);
      if (path === '/feed')
        return send(atomPage(server, 0, { 'prev-archive': '/archive/2' }, [['w40', '2024-10-01T00:00:00Z']]));
      // Archive 2 links to 1, and 1 (wrongly) back to 2: a loop.
      if (path === '/archive/2')
        return send(
          atomPage(server, 2, { 'prev-archive': '/archive/1' }, [
            ['w36', '2024-09-02T00:00:00Z'],
            ['w37', '2024-09-09T00:00:00Z'],
          ]),
        );
      if (path === '/archive/1')
        return send(atomPage(server, 1, { 'prev-archive': '/archive/2#again' }, [['w32', '2024-08-05T00:00:00Z']]));
      if (path === '/private-feed')
        return send(atomPage(server, 0, { next: '/to-private' }, [['p1', '2024-10-01T00:00:00Z']]));
      if (path === '/to-private') return response.writeHead(302, { location: 'http://10.255.255.1/feed' }).end();
      if (path === '/wp-feed') {
        const page = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('paged') ?? '1');
        if (page > 2) return response.writeHead(404).end();
        const day = page === 1 ? '01 Oct 2024' : '02 Sep 2024';
        const rssPage = `<?xml version="1.0"?><rss version="2.0"><channel><title>WP</title><generator>https://wordpress.org/?v=6.5</generator><item><title>WP story ${page}</title><link>https://wp.example/${page}</link><pubDate>Tue, ${day} 10:00:00 GMT</pubDate></item></channel></rss>`;
        return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssPage);
      }
      if (path === '/start-private') return response.writeHead(302, { location: 'http://192.168.77.1/feed' }).end();
      response.writeHead(404).end();
    });
    t = await startTestApp({
      FEED_ALLOW_PRIVATE_NETWORKS: 'false',
      FEED_ALLOWED_NETWORKS: '127.0.0.0/8',
      IMPORT_DIR: importDir,
      IMPORT_PAGE_DELAY_MS: '0',
    });
    writeFileSync(
      join(importDir, 'old.jsonl'),
      ['2024-07-08', '2024-07-15', '2024-07-16']
        .map((d, i) =>
          JSON.stringify({
            title: `xAI Colossus adds 100,000 Nvidia H100 GPUs for training ${i}`,
            url: `https://old.example/${i}`,
            published: `${d}T12:00:00Z`,
            source: 'Old wire',
          }),
        )
        .join('\n'),
    );
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  it('follows prev-archive links back through the archive, stopping at the loop', async () => {
    const started = await api(t.baseUrl, '/api/admin/imports', {
      method: 'POST',
      body: { location: server.url('/feed') },
    });
    expect(started.status).toBe(202);
    expect(started.body.format).toBe('paged');
    const done = await waitForImport(t, started.body.id);
    expect(done).toMatchObject({ status: 'succeeded', counts: { read: 4, stored: 4 } });
    expect(done.refusals).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^loop: .*archive\/1 links back/) }),
    ]);
    const fetched = server.requests.map((r) => r.path);
    expect(fetched).toEqual(['/feed', '/archive/2', '/archive/1']);
    const [feed] = await sql(
      t.db.url,
      `SELECT f.id, count(fi.*)::int n FROM feeds f JOIN feed_items fi ON fi.feed_id = f.id WHERE f.url = $1 GROUP BY f.id`,
      [server.url('/feed')],
    );
    expect(feed.n).toBe(4);
  });

  it('pages a WordPress feed with ?paged=N until it answers 404, or only back to --since', async () => {
    const all = await api(t.baseUrl, '/api/admin/imports', {
      method: 'POST',
      body: { location: server.url('/wp-feed') },
    });
    const done = await waitForImport(t, all.body.id);
    expect(done).toMatchObject({ status: 'succeeded', counts: { read: 2, stored: 2 } });
    expect(done.refusals).toEqual([expect.objectContaining({ message: expect.stringMatching(/^http-error: .*404/) })]);
    const asked = server.requests.filter((r) => r.path === '/wp-feed').length;
    expect(asked).toBe(3);

    const recent = await api(t.baseUrl, '/api/admin/imports', {
      method: 'POST',
      body: { location: server.url('/wp-feed'), since: '2024-09-15' },
    });
    const sinceDone = await waitForImport(t, recent.body.id);
    // Page 2 holds nothing newer than --since: the history ends there, page 3 is never asked for.
    expect(sinceDone).toMatchObject({
      status: 'succeeded',
      counts: { read: 2, skippedBeforeSince: 1, stored: 0, merged: 1 },
    });
    expect(server.requests.filter((r) => r.path === '/wp-feed').length).toBe(asked + 2);
  });

  it('refuses a page redirecting to a private address before connecting, keeping the pages before it', async () => {
    const started = await api(t.baseUrl, '/api/admin/imports', {
      method: 'POST',
      body: { location: server.url('/private-feed') },
    });
    const done = await waitForImport(t, started.body.id);
    expect(done).toMatchObject({ status: 'succeeded', counts: { stored: 1 } });
    expect(done.refusals).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^blocked-address: .*10\.255\.255\.1/) }),
    ]);
  });

  it('fails an import whose first page redirects to a private address', async () => {
    const before = Date.now();
    const started = await api(t.baseUrl, '/api/admin/imports', {
      method: 'POST',
      body: { location: server.url('/start-private') },
    });
    const done = await waitForImport(t, started.body.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/^blocked-address: .*192\.168\.77\.1/);
    // Refused before connecting: a connection attempt to an unroutable address would wait for its timeout.
    expect(Date.now() - before).toBeLessThan(5000);
  });

  it('answers 400 with a stable code for bad requests, 401 without a token', async () => {
    const post = (body: unknown, token?: string | null) =>
      api(t.baseUrl, '/api/admin/imports', { method: 'POST', body, token });
    expect((await post({ location: '../../etc/passwd' })).body.error.code).toBe('import_outside_dir');
    expect((await post({ location: 'missing.jsonl' })).body.error.code).toBe('import_input_not_found');
    expect((await post({ location: 'old.jsonl', format: 'xml' })).status).toBe(400);
    expect((await post({ location: 'old.jsonl', since: 'yesterday' })).status).toBe(400);
    expect((await post({ location: 'old.jsonl' }, null)).status).toBe(401);
    expect((await api(t.baseUrl, '/api/admin/imports/999999')).status).toBe(404);
  });

  it('moves momentum for the past weeks the imported evidence was published in', async () => {
    const window = '/api/trends/compute-clusters/momentum?interval=week&from=2024-07-01&to=2024-07-29';
    const before = await api(t.baseUrl, window, { token: null });
    expect(before.body.series.map((p: any) => p.evidence)).toEqual([0, 0, 0, 0]);
    const started = await api(t.baseUrl, '/api/admin/imports', { method: 'POST', body: { location: 'old.jsonl' } });
    expect((await waitForImport(t, started.body.id)).counts).toMatchObject({ stored: 3, evidence: 3 });
    const after = await api(t.baseUrl, window, { token: null });
    expect(after.body.series.map((p: any) => [p.periodStart.slice(0, 10), p.evidence])).toEqual([
      ['2024-07-01', 0],
      ['2024-07-08', 1],
      ['2024-07-15', 2],
      ['2024-07-22', 0],
    ]);
    expect(after.body.series[2].share).toBeGreaterThan(0);
  });

  it('builds no digest for the imported past: the next digest covers the last seven days', async () => {
    const run = await api(t.baseUrl, '/api/admin/jobs/build-digest/run', { method: 'POST' });
    expect(run.body.summary.outcome).toBe('built');
    const start = new Date(run.body.summary.periodStart).getTime();
    expect(Date.now() - start).toBeLessThan(8 * 24 * 3600 * 1000);
    expect((await api(t.baseUrl, '/api/digests', { token: null })).body.data).toHaveLength(1);
  });
});
