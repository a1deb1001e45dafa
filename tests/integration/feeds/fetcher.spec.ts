import { LookupAddress } from 'node:dns';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import * as iconv from 'iconv-lite';
import { DEFAULT_USER_AGENT, fetchFeed, FetchFeedOptions, FetchResult } from '../../../src/feeds/feed-fetcher';
import { FeedServer, respondWith, SAMPLE_RSS, startFeedServer } from '../../support/feed-server';

const LOOPBACK_OK: FetchFeedOptions = { allowPrivateNetworks: true, totalTimeoutMs: 5000, connectTimeoutMs: 2000 };

/** A resolver that answers from a table and never touches real DNS. */
function fakeDns(table: Record<string, string>) {
  return ((hostname: string, _options: unknown, callback: (err: Error | null, addresses: LookupAddress[]) => void) => {
    const address = table[hostname];
    if (!address) return callback(Object.assign(new Error(`fake ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
  }) as unknown as FetchFeedOptions['dnsLookup'];
}

function expectError(result: FetchResult, code: string): Extract<FetchResult, { kind: 'error' }> {
  expect(result).toMatchObject({ kind: 'error', code });
  if (result.kind !== 'error') throw new Error('unreachable');
  expect(result.message.length).toBeGreaterThan(10);
  return result;
}

describe('fetchFeed against a real loopback server', () => {
  let server: FeedServer;
  afterEach(async () => server?.close());

  it('returns the decoded body, validators and cache hints, and names itself in User-Agent', async () => {
    server = await startFeedServer({
      '/feed': respondWith(iconv.encode(SAMPLE_RSS.replace('utf-8', 'windows-1252'), 'windows-1252'), {
        etag: '"v1"',
        'last-modified': 'Tue, 02 Jan 2024 10:00:00 GMT',
        'cache-control': 'public, max-age=600',
        expires: 'Wed, 03 Jan 2024 10:00:00 GMT',
      }),
    });
    const result = await fetchFeed(server.url('/feed'), LOOPBACK_OK);
    expect(result).toMatchObject({
      kind: 'ok',
      status: 200,
      etag: '"v1"',
      cacheControlMaxAgeSec: 600,
      finalUrl: server.url('/feed'),
    });
    if (result.kind !== 'ok') throw new Error('unreachable');
    expect(result.body).toContain('Café résumé');
    expect(result.expiresAt?.toISOString()).toBe('2024-01-03T10:00:00.000Z');
    expect(result.lastModified).toBe('Tue, 02 Jan 2024 10:00:00 GMT');
    expect(server.requests[0].headers['user-agent']).toBe(DEFAULT_USER_AGENT);
  });

  it.each([
    ['ETag', { etag: '"v1"' }, 'if-none-match', '"v1"'],
    [
      'Last-Modified',
      { lastModified: 'Tue, 02 Jan 2024 10:00:00 GMT' },
      'if-modified-since',
      'Tue, 02 Jan 2024 10:00:00 GMT',
    ],
  ])('sends a conditional GET with %s and reports 304 as not-modified', async (_name, validators, header, value) => {
    server = await startFeedServer((request, response) => {
      const fresh = request.headers[header] === value;
      response.writeHead(fresh ? 304 : 200, { etag: '"v1"' }).end(fresh ? undefined : SAMPLE_RSS);
    });
    const result = await fetchFeed(server.url('/feed'), { ...LOOPBACK_OK, ...validators });
    expect(result).toMatchObject({ kind: 'not-modified', status: 304, etag: '"v1"' });
  });

  it('leaves validators out when asked for an unconditional fetch', async () => {
    server = await startFeedServer({ '/feed': respondWith(SAMPLE_RSS) });
    const result = await fetchFeed(server.url('/feed'), {
      ...LOOPBACK_OK,
      etag: '"v1"',
      lastModified: 'x',
      unconditional: true,
    });
    expect(result.kind).toBe('ok');
    expect(server.requests[0].headers['if-none-match']).toBeUndefined();
    expect(server.requests[0].headers['if-modified-since']).toBeUndefined();
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('decompresses a %s body', async (encoding, compress) => {
    server = await startFeedServer({
      '/feed': respondWith(compress(Buffer.from(SAMPLE_RSS)), { 'content-encoding': encoding }),
    });
    const result = await fetchFeed(server.url('/feed'), LOOPBACK_OK);
    expect(result).toMatchObject({ kind: 'ok', fetchedBytes: Buffer.byteLength(SAMPLE_RSS) });
  });

  it('reports a corrupt gzip body as decompression-failed', async () => {
    server = await startFeedServer({
      '/feed': respondWith(Buffer.from('this is not gzip at all'), { 'content-encoding': 'gzip' }),
    });
    expectError(await fetchFeed(server.url('/feed'), LOOPBACK_OK), 'decompression-failed');
  });

  it('times out a slow drip and closes the socket', async () => {
    let serverSawClose!: Promise<void>;
    server = await startFeedServer((request, response) => {
      serverSawClose = new Promise((resolve) => request.socket.once('close', () => resolve()));
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<rss version="2.0"><channel>');
      const drip = setInterval(() => response.write(' '), 50);
      response.once('close', () => clearInterval(drip));
    });
    const started = Date.now();
    expectError(await fetchFeed(server.url('/feed'), { ...LOOPBACK_OK, totalTimeoutMs: 400 }), 'timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    await serverSawClose;
  });

  it('applies the connect timeout while the connection cannot be made', async () => {
    const neverAnswers = (() => undefined) as unknown as FetchFeedOptions['dnsLookup'];
    const result = await fetchFeed('http://hangs.test/feed', {
      ...LOOPBACK_OK,
      dnsLookup: neverAnswers,
      connectTimeoutMs: 200,
    });
    expect(expectError(result, 'timeout').message).toMatch(/connect/i);
  });

  it('caps an endless body and cuts the connection', async () => {
    server = await startFeedServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (response.write(chunk));
      };
      response.on('drain', pump);
      pump();
    });
    expectError(await fetchFeed(server.url('/feed'), { ...LOOPBACK_OK, maxBytes: 1024 * 1024 }), 'too-large');
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    // Announces 10 MB, sends a little and stalls: only the Content-Length check can answer before the timeout.
    server = await startFeedServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(10_000_000) });
      response.write('<rss>');
    });
    expectError(
      await fetchFeed(server.url('/feed'), { ...LOOPBACK_OK, maxBytes: 1000, totalTimeoutMs: 2000 }),
      'too-large',
    );
  });

  it('stops a gzip bomb at the decompressed cap', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // ~64 KB on the wire, 64 MiB inflated
    server = await startFeedServer({ '/feed': respondWith(bomb, { 'content-encoding': 'gzip' }) });
    const before = process.memoryUsage().rss;
    expectError(await fetchFeed(server.url('/feed'), LOOPBACK_OK), 'too-large');
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('follows relative redirects and reports the final URL', async () => {
    server = await startFeedServer({
      '/old': (_q, r) => r.writeHead(301, { location: '/middle' }).end(),
      '/middle': (_q, r) => r.writeHead(307, { location: '/feed' }).end(),
      '/feed': respondWith(SAMPLE_RSS),
    });
    expect(await fetchFeed(server.url('/old'), LOOPBACK_OK)).toMatchObject({
      kind: 'ok',
      finalUrl: server.url('/feed'),
    });
  });

  it('gives up on a redirect loop after five redirects', async () => {
    server = await startFeedServer((_request, response) => response.writeHead(302, { location: '/loop' }).end());
    expectError(await fetchFeed(server.url('/loop'), LOOPBACK_OK), 'too-many-redirects');
    expect(server.requests).toHaveLength(6);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    server = await startFeedServer({ '/feed': (_q, r) => r.writeHead(302, { location: 'file:///etc/passwd' }).end() });
    expectError(await fetchFeed(server.url('/feed'), LOOPBACK_OK), 'unsupported-scheme');
  });

  it('reports 429 as rate-limited with Retry-After', async () => {
    server = await startFeedServer({ '/feed': respondWith('slow down', { 'retry-after': '120' }, 429) });
    expect(expectError(await fetchFeed(server.url('/feed'), LOOPBACK_OK), 'rate-limited')).toMatchObject({
      status: 429,
      retryAfterSec: 120,
    });
  });

  it('reports 500 as http-error with the status', async () => {
    server = await startFeedServer({ '/feed': respondWith('boom', {}, 500) });
    expect(expectError(await fetchFeed(server.url('/feed'), LOOPBACK_OK), 'http-error')).toMatchObject({ status: 500 });
  });

  it('reports an HTML page as not-a-feed', async () => {
    const page = '<!DOCTYPE html><html><head><title>Home</title></head><body><a href="/rss">RSS</a></body></html>';
    server = await startFeedServer({ '/feed': respondWith(page, { 'content-type': 'text/html; charset=utf-8' }) });
    expectError(await fetchFeed(server.url('/feed'), LOOPBACK_OK), 'not-a-feed');
  });

  it('stops when the caller aborts', async () => {
    server = await startFeedServer(() => undefined); // never answers
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expectError(await fetchFeed(server.url('/feed'), LOOPBACK_OK, controller.signal), 'aborted');
  });

  it.each([
    ['not a url', 'invalid-url'],
    ['ftp://example.org/feed.xml', 'unsupported-scheme'],
  ])('refuses %s', async (url, code) => {
    expectError(await fetchFeed(url, LOOPBACK_OK), code);
  });
});

describe('fetchFeed SSRF guard', () => {
  let server: FeedServer;
  afterEach(async () => server?.close());
  const GUARDED: FetchFeedOptions = { allowPrivateNetworks: false, totalTimeoutMs: 5000 };

  it.each([
    'http://127.0.0.1:PORT/feed',
    'http://localhost:PORT/feed',
    'http://[::1]:PORT/feed',
    'http://[::ffff:127.0.0.1]:PORT/feed',
  ])('refuses %s without sending a request', async (template) => {
    server = await startFeedServer({ '/feed': respondWith(SAMPLE_RSS) });
    expectError(await fetchFeed(template.replace('PORT', String(server.port)), GUARDED), 'blocked-address');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host whose DNS answer is private at connect time (rebinding)', async () => {
    const dnsLookup = fakeDns({ 'rebind.test': '169.254.169.254' });
    expectError(await fetchFeed('http://rebind.test/latest/meta-data', { ...GUARDED, dnsLookup }), 'blocked-address');
  });

  describe('on redirects (127.0.0.1 stands in for a public server)', () => {
    const onlyTheStandIn = (address: string) => address === '127.0.0.1';
    const options: FetchFeedOptions = {
      ...GUARDED,
      isAddressAllowed: onlyTheStandIn,
      dnsLookup: fakeDns({ 'internal.test': '10.0.0.1' }),
    };

    it.each(['http://127.0.0.2:PORT/feed', 'http://[::1]:PORT/feed', 'http://internal.test:PORT/feed'])(
      'refuses a redirect to %s',
      async (target) => {
        server = await startFeedServer({
          '/start': (_q, r) => r.writeHead(302, { location: target.replace('PORT', String(server.port)) }).end(),
          '/feed': respondWith(SAMPLE_RSS),
        });
        expectError(await fetchFeed(server.url('/start'), options), 'blocked-address');
        expect(server.requests.map((request) => request.path)).toEqual(['/start']);
      },
    );

    it('still follows a redirect to an allowed address', async () => {
      server = await startFeedServer({
        '/start': (_q, r) => r.writeHead(302, { location: server.url('/feed') }).end(),
        '/feed': respondWith(SAMPLE_RSS),
      });
      expect((await fetchFeed(server.url('/start'), options)).kind).toBe('ok');
    });
  });
});
