import pLimit from 'p-limit';
import { fetchFeed } from '../../../src/feeds/feed-fetcher';
import { parseFeed, ParsedFeed } from '../../../src/feeds/feed-parser';
import { FeedError } from '../../../src/feeds/feed-errors';
import { serveCorpus, CorpusEntry, listCorpusEntries } from '../../support/feed-corpus';
import { describeWithCorpus } from '../../support/with-corpus';
import { FeedServer } from '../../support/feed-server';

/**
 * Serves every corpus file over real HTTP and runs it through fetch → decode → parse. Gzip files are
 * served as they were captured, with Content-Encoding: gzip, so the fetcher's streaming decompression
 * is what opens them (no magic-byte sniffing: a server that gzips without saying so is broken).
 */

/** Files expat accepts that still must not become items, each with the reason. */
const WELL_FORMED_BUT_NOT_FEEDS: Record<string, string> = {
  'miniflux/internal/reader/xml/testdata/iso88591.xml':
    'a <note> document from the XML-decoder tests, not a feed: correctly not-a-feed',
};

type Outcome = { path: string; feed: ParsedFeed } | { path: string; code: string; message: string };

async function ingest(server: FeedServer, entry: CorpusEntry): Promise<Outcome> {
  const fetched = await fetchFeed(server.url(entry.path.split('/').map(encodeURIComponent).join('/')), {
    allowPrivateNetworks: true,
    totalTimeoutMs: 15_000,
  });
  if (fetched.kind === 'error') return { path: entry.path, code: fetched.code, message: fetched.message };
  if (fetched.kind !== 'ok') return { path: entry.path, code: 'unexpected-304', message: 'no validators were sent' };
  try {
    return { path: entry.path, feed: parseFeed(fetched.body) };
  } catch (error) {
    if (!(error instanceof FeedError)) throw error; // anything else is a crash, and must fail the test
    return { path: entry.path, code: error.code, message: error.message };
  }
}

describeWithCorpus('feed corpus over HTTP', () => {
  const entries = listCorpusEntries();
  const unhandled: unknown[] = [];
  const recordUnhandled = (reason: unknown) => unhandled.push(reason);
  let server: FeedServer;
  let outcomes: Map<string, Outcome>;

  beforeAll(async () => {
    process.on('unhandledRejection', recordUnhandled);
    server = await serveCorpus();
    const limit = pLimit(8);
    const results = await Promise.all(entries.map((entry) => limit(() => ingest(server, entry))));
    outcomes = new Map(results.map((outcome) => [outcome.path, outcome]));
  }, 120_000);

  afterAll(async () => {
    process.off('unhandledRejection', recordUnhandled);
    await server?.close();
  });

  function feedOf(path: string): ParsedFeed {
    const outcome = outcomes.get(path);
    if (!outcome || !('feed' in outcome)) throw new Error(`${path} did not parse: ${JSON.stringify(outcome)}`);
    return outcome.feed;
  }

  it('covers the whole corpus', () => {
    expect(entries.length).toBeGreaterThanOrEqual(290);
    expect(outcomes.size).toBe(entries.length);
  });

  it('ends every file as parsed items or a readable, coded error, with no unhandled rejection', () => {
    for (const outcome of outcomes.values()) {
      if ('feed' in outcome) expect(Array.isArray(outcome.feed.items)).toBe(true);
      else
        expect(outcome).toMatchObject({
          code: expect.stringMatching(/^[a-z-]+$/),
          message: expect.stringMatching(/\w{3,}.*\w{3,}/),
        });
    }
    expect(unhandled).toEqual([]);
  });

  it('parses every file expat accepts, apart from the explained exceptions', () => {
    const failures = entries
      .filter((entry) => entry.expatWellFormed && !(entry.path in WELL_FORMED_BUT_NOT_FEEDS))
      .map((entry) => outcomes.get(entry.path)!)
      .filter((outcome) => !('feed' in outcome));
    expect(failures).toEqual([]);
    for (const path of Object.keys(WELL_FORMED_BUT_NOT_FEEDS))
      expect(outcomes.get(path)).toMatchObject({ code: 'not-a-feed' });
  });

  it('decompresses the gzip-captured files', () => {
    expect(feedOf('node-feedparser-danmactough/test/feeds/compressed.xml').items.length).toBeGreaterThan(0);
    expect(
      feedOf('node-feedparser-danmactough/test/feeds/invalid-characters-gzipped.xml').items.length,
    ).toBeGreaterThan(0);
  });

  it('turns HTML pages into not-a-feed', () => {
    expect(outcomes.get('node-feedparser-danmactough/test/feeds/notafeed.html')).toMatchObject({ code: 'not-a-feed' });
    expect(outcomes.get('miniflux/internal/reader/encoding/testdata/iso-8859-1.html')).toMatchObject({
      code: 'not-a-feed',
    });
  });

  it.each([
    ['miniflux/internal/reader/encoding/testdata/koi8r.xml', 'title', 'Пример RSS ленты'],
    ['miniflux/internal/reader/parser/testdata/encoding_WINDOWS-1251.xml', 'item', 'Цитата #17703'],
    ['miniflux/internal/reader/encoding/testdata/iso-8859-1.xml', 'title', 'Café'],
    ['miniflux/internal/reader/encoding/testdata/windows-1252.xml', 'title', 'Euro €'],
    ['miniflux/internal/reader/encoding/testdata/utf8-incorrect-prolog.xml', 'title', '테스트 피드'],
    ['miniflux/internal/reader/encoding/testdata/invalid-prolog.xml', 'title', '테스트 피드'],
    ['rss-parser/test/input/encoding.rss', 'item', 'Mãe de utente é a nova presidente da Raríssimas'],
    ['rss-parser/test/input/encoding.rss', 'title', 'Jornal de Notícias - Últimas Notícias'],
    [
      'node-feedparser-danmactough/test/feeds/compressed.xml',
      'item',
      'В Бузулуке главные стройплощадки – детсад и Ледовый дворец',
    ],
  ])('decodes %s to correct Unicode', (path, where, expected) => {
    const feed = feedOf(path);
    expect(where === 'title' ? feed.title : feed.items[0].title).toBe(expected);
  });

  it('decodes a Latin-1 feed that declares no encoding at all', () => {
    const titles = feedOf('miniflux/internal/reader/parser/testdata/no_encoding_ISO-8859-1.xml').items.map(
      (item) => item.title,
    );
    expect(titles).toContain("La criminalité liée surtout à... l'ennui ?");
  });

  it.each([
    ['feedparser-kurtmckee/tests/encoding/euc-kr-item.xml', '\ub144'],
    ['feedparser-kurtmckee/tests/encoding/http_text_xml_charset_2.xml', 'This is a \xa3\u201ctest.\u201d'],
  ])('decodes the feedparser encoding case %s', (path, description) => {
    expect(feedOf(path).items[0].summaryHtml).toBe(description);
  });

  it.each([
    'big5.xml',
    'http_application_atom_xml_gb2312_encoding.xml',
    'http_application_atom_xml_gb2312_charset.xml',
    'utf-16le-bom.xml',
    'utf-16be.xml',
    'utf-16le-autodetect.xml',
    'utf-32be-bom.xml',
    'utf-32le.xml',
    'utf-8-bom.xml',
  ])('parses the multi-byte encoding case %s', (file) => {
    expect(feedOf(`feedparser-kurtmckee/tests/encoding/${file}`).format).toMatch(/rss|atom/);
  });
});
