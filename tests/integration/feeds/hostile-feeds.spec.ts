import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as iconv from 'iconv-lite';
import { prepareFeed, PreparedFeed } from '../../../src/feeds/feed-preparation';
import { fetchFeed } from '../../../src/feeds/feed-fetcher';
import { FeedError } from '../../../src/feeds/feed-errors';
import { parseFeed, ParsedFeed } from '../../../src/feeds/feed-parser';
import { FeedServer, respondWith, startFeedServer } from '../../support/feed-server';

/**
 * What the shared feed corpus proves about hostile and broken feeds, on fixtures of our own
 * (tests/fixtures/feeds/ and documents built here), so a clone without ../shared still tests it.
 * Every document goes the way a fetched feed goes: served over loopback HTTP, fetched (capped,
 * decompressed, decoded), parsed, normalised.
 */
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'feeds');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

const rss = (title: string, itemTitle: string, encoding = 'utf-8') =>
  `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>${title}</title>` +
  `<item><title>${itemTitle}</title><link>https://enc.example/1</link></item></channel></rss>`;

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n  ')}
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>laugh &lol9;</title><link>https://lol.example/1</link></item></channel></rss>`;

/** An external entity pointing back at the test server: fetching it would show up in `requests`. */
const externalEntity = (server: string) => `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY remote SYSTEM "${server}/evil.dtd"> ]>
<rss version="2.0"><channel><title>x</title><item><title>A&xxe;B</title><description>&remote;</description><link>https://x.example/1</link></item></channel></rss>`;

const externalDtd = (server: string) => `<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "${server}/external.dtd">
<rss version="2.0"><channel><title>With an external DTD</title><item><title>Still read</title><link>https://d.example/1</link></item></channel></rss>`;

const HUGE_SUMMARY_BYTES = 3 * 1024 * 1024;
const hugeItem = () =>
  `<rss version="2.0"><channel><title>Huge</title><item><title>Huge item</title><link>https://h.example/1</link>` +
  `<description>${'<p>words and more words</p>'.repeat(HUGE_SUMMARY_BYTES / 27)}</description></item></channel></rss>`;

type Outcome = { feed: ParsedFeed; prepared: PreparedFeed } | { code: string; message: string };

describe('hostile and broken feeds, on the project fixtures', () => {
  let server: FeedServer;
  const routes: Record<string, { body: string | Buffer; headers: Record<string, string> }> = {};
  const serve = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    (routes[path] = { body, headers: { 'content-type': 'application/xml', ...headers } });

  beforeAll(async () => {
    server = await startFeedServer((request, response) => {
      const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
      if (!route) return void response.writeHead(404).end();
      respondWith(route.body, route.headers)(request, response);
    });
  });
  afterAll(() => server.close());

  async function ingest(path: string): Promise<Outcome> {
    const fetched = await fetchFeed(server.url(path), { allowPrivateNetworks: true, totalTimeoutMs: 10_000 });
    if (fetched.kind === 'error') return { code: fetched.code, message: fetched.message };
    if (fetched.kind !== 'ok') throw new Error('no validators were sent, a 304 is impossible');
    try {
      const task = { text: fetched.body, feedLanguage: null, baseUrl: fetched.finalUrl, fetchedAt: new Date() };
      return { feed: parseFeed(fetched.body), prepared: prepareFeed(task) };
    } catch (error) {
      if (!(error instanceof FeedError)) throw error; // anything else is a crash and fails the test
      return { code: error.code, message: error.message };
    }
  }

  async function feedAt(path: string): Promise<ParsedFeed> {
    const outcome = await ingest(path);
    if (!('feed' in outcome)) throw new Error(`${path} did not parse: ${JSON.stringify(outcome)}`);
    return outcome.feed;
  }

  describe('entities and DTDs', () => {
    it('does not expand a billion-laughs DTD, and stays fast and small', async () => {
      serve('/lol', BILLION_LAUGHS);
      const started = Date.now();
      const feed = await feedAt('/lol');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(JSON.stringify(feed)).not.toContain('lollol');
      expect(feed.items).toHaveLength(1);
    });

    it('resolves no external entity: no file read, no request made', async () => {
      serve('/xxe', externalEntity(server.baseUrl));
      const feed = await feedAt('/xxe');
      expect(JSON.stringify(feed)).not.toMatch(/root:|daemon:/);
      expect(server.requests.map((r) => r.path)).not.toContain('/evil.dtd');
    });

    it('reads a feed that names an external DTD without fetching it', async () => {
      serve('/dtd', externalDtd(server.baseUrl));
      expect((await feedAt('/dtd')).items[0].title).toBe('Still read');
      expect(server.requests.map((r) => r.path)).not.toContain('/external.dtd');
    });
  });

  describe('compression and size', () => {
    it('stops a gzip bomb at the decompressed cap with too-large', async () => {
      serve('/bomb', gzipSync(Buffer.alloc(64 * 1024 * 1024)), { 'content-encoding': 'gzip' });
      expect(await ingest('/bomb')).toMatchObject({ code: 'too-large' });
    });

    it('decompresses an honest gzip feed', async () => {
      serve('/gz', gzipSync(Buffer.from(rss('Zipped', 'Inside the gzip'))), { 'content-encoding': 'gzip' });
      expect((await feedAt('/gz')).items[0].title).toBe('Inside the gzip');
    });

    it('prepares a huge item as one plain-text article', async () => {
      serve('/huge', hugeItem());
      const outcome = await ingest('/huge');
      if (!('prepared' in outcome)) throw new Error(JSON.stringify(outcome));
      expect(outcome.prepared.batch.urlItemCount).toBe(1);
      expect(outcome.prepared.batch.urlChunks[0]).not.toContain('<p>');
    });
  });

  describe('charsets', () => {
    const cases: [string, string, Buffer, Record<string, string>, string, string][] = [
      [
        'GBK declared only in the XML declaration',
        '/gbk',
        iconv.encode(rss('新闻', '大模型十大趋势', 'GBK'), 'gbk'),
        {},
        '新闻',
        '大模型十大趋势',
      ],
      [
        'Big5 named only by the HTTP header',
        '/big5',
        iconv.encode(rss('新聞', '人工智慧', 'big5').replace(' encoding="big5"', ''), 'big5'),
        { 'content-type': 'application/rss+xml; charset=big5' },
        '新聞',
        '人工智慧',
      ],
      [
        'Windows-1251 declared in the XML, the header naming no charset',
        '/cp1251',
        iconv.encode(rss('Новости', 'Цитата дня', 'windows-1251'), 'win1251'),
        { 'content-type': 'text/xml' },
        'Новости',
        'Цитата дня',
      ],
      [
        'UTF-8 bytes under a wrong Latin-1 declaration',
        '/wrong-decl',
        Buffer.from(rss('Café', 'Jornal de Notícias', 'ISO-8859-1')),
        {},
        'Café',
        'Jornal de Notícias',
      ],
      [
        'Latin-1 bytes with no declaration at all',
        '/no-decl',
        iconv.encode(rss('Café', 'Jornal de Notícias').replace(' encoding="utf-8"', ''), 'latin1'),
        {},
        'Café',
        'Jornal de Notícias',
      ],
    ];
    it.each(cases)('decodes %s', async (_name, path, bytes, headers, title, itemTitle) => {
      serve(path, bytes, headers);
      const feed = await feedAt(path);
      expect(feed.title).toBe(title);
      expect(feed.items[0].title).toBe(itemTitle);
    });
  });

  describe('broken documents', () => {
    it.each([
      ['truncated XML', '/truncated', fixture('truncated.xml'), 'parse-error'],
      ['an HTML page instead of a feed', '/html', fixture('not-a-feed.html'), 'not-a-feed'],
      ['an empty body', '/empty', Buffer.alloc(0), 'not-a-feed'],
      ['JSON that is not a JSON Feed', '/json-junk', Buffer.from('{"hello":"world"}'), 'not-a-feed'],
    ])('ends %s as a coded, readable error', async (_name, path, bytes, code) => {
      serve(path, bytes, path === '/html' ? { 'content-type': 'text/html' } : {});
      const outcome = await ingest(path);
      expect(outcome).toMatchObject({ code, message: expect.stringMatching(/\w{3,}.*\w{3,}/) });
    });
  });

  describe('older and other formats', () => {
    it.each([
      ['Atom 0.3', 'atom-0.3.xml', 'atom', 'Old-format entry'],
      ['RDF (RSS 1.0)', 'rdf-1.0.xml', 'rdf', 'An RDF item'],
      ['RSS 0.90', 'rss-0.90.xml', 'rdf', 'An RSS 0.90 item'],
      ['JSON Feed 1.0', 'jsonfeed-1.0.json', 'json', 'A JSON Feed 1.0 item'],
      ['JSON Feed 1.1', 'jsonfeed-1.1.json', 'json', 'Ein Eintrag'],
    ])('reads %s', async (_name, file, format, firstTitle) => {
      const type = file.endsWith('.json') ? 'application/feed+json' : 'application/xml';
      serve(`/${file}`, fixture(file), { 'content-type': type });
      const outcome = await ingest(`/${file}`);
      if (!('feed' in outcome)) throw new Error(`${file}: ${JSON.stringify(outcome)}`);
      expect(outcome.feed.format).toBe(format);
      expect(outcome.feed.items[0].title).toBe(firstTitle);
      expect(outcome.prepared.batch.urlItemCount).toBe(outcome.feed.items.length);
    });
  });
});
