import { sql as sqlOn } from '../support/sql';
import { serveCorpus, CorpusEntry, decodeCorpusEntry, listCorpusEntries } from '../support/feed-corpus';
import { describeWithCorpus } from '../support/with-corpus';
import { FeedServer } from '../support/feed-server';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * The whole shared feed corpus through the real app: each file added as a feed over the admin
 * API, served over loopback HTTP as it was captured, and ingested in one run. Every feed must end
 * as stored articles or as a readable error recorded on the feed; the run itself must succeed.
 */

/** Feeds that must end with an error, each with why that is the right outcome. */
const EXPECTED_ERRORS: Record<string, string> = {
  'feedparser-kurtmckee/tests/illformed/aaa_illformed.xml': 'unclosed tag: broken XML (expat: unclosed token)',
  'feedparser-kurtmckee/tests/illformed/rdf_channel_empty_textinput.xml':
    'XML declaration after a comment: broken XML (expat agrees)',
  'feedparser-kurtmckee/tests/illformed/rss_empty_document.xml': 'only a comment, no element at all',
  'feedparser-kurtmckee/tests/illformed/rss_incomplete_cdata.xml':
    'unterminated CDATA section (and a misplaced XML declaration)',
  'feedparser-kurtmckee/tests/illformed/rss_item_link_corrupted_ampersands.xml':
    'truncated document: unclosed token (expat agrees)',
  'feedparser-kurtmckee/tests/encoding/bozo_invalid-bytes-with-bom.xml':
    'bytes invalid in the encoding its BOM declares (expat: invalid token)',
  'rss-parser/test/input/unrecognized.rss': 'an HTML "Document Moved" page under a .rss name',
  'node-feedparser-danmactough/test/feeds/notafeed.html': 'an HTML page',
  'miniflux/internal/reader/xml/testdata/iso88591.xml':
    'a <note> document from the XML-decoder tests, well-formed but not a feed',
  'miniflux/internal/reader/xml/testdata/iso88591_utf8_mismatch.xml':
    'a <note> document (and Latin-1 bytes declared UTF-8), not a feed',
  'miniflux/internal/reader/encoding/testdata/iso-8859-1-meta-after-1024.html':
    'an HTML page from the charset-sniffing tests',
  'miniflux/internal/reader/encoding/testdata/iso-8859-1.html': 'an HTML page from the charset-sniffing tests',
  'miniflux/internal/reader/encoding/testdata/utf8-meta-after-1024.html':
    'an HTML page from the charset-sniffing tests',
  'miniflux/internal/reader/encoding/testdata/utf8.html': 'an HTML page from the charset-sniffing tests',
};

/**
 * Feeds with item or entry elements that still end with no article and no error, each with why.
 * (A feed with no item element at all, like most of feedparser's channel-level cases, may end
 * empty without being listed.)
 */
const EXPECTED_EMPTY_WITH_ITEMS: Record<string, string> = {
  'feedparser-kurtmckee/tests/illformed/geo/georss_point_no_coords.xml':
    'the entry holds only a GeoRSS point: nothing to read',
  'feedparser-kurtmckee/tests/illformed/geo/georss_polygon_insufficient_coords.xml':
    'the entry holds only a GeoRSS polygon: nothing to read',
  'feedparser-kurtmckee/tests/illformed/geo/gml_point.xml': 'the entry holds only a GML point: nothing to read',
  'rss-parser/test/input/incomplete-fields.atom': 'the one entry holds only an empty <author>',
  'feedparser-kurtmckee/tests/wellformed/rss/item_dc_author.xml':
    'the item holds only dc:author: no title, link, text or date',
  'feedparser-kurtmckee/tests/wellformed/rss/item_expirationDate_parsed.xml': 'the item holds only an expirationDate',
};

/** Whether a corpus file holds any item or entry element (or JSON Feed item), comments aside. */
function hasItems(entry: CorpusEntry): boolean {
  const text = decodeCorpusEntry(entry).replace(/<!--[\s\S]*?-->/g, '');
  return /<(?:[\w-]+:)?(?:item|entry)[\s>/]/.test(text) || /"items"\s*:\s*\[\s*\{/.test(text);
}

interface FeedView {
  id: number;
  url: string;
  articleCount: number;
  lastError: string | null;
  lastErrorCode: string | null;
  lastFetchedAt: string | null;
}

const urlPath = (path: string) => `/${path.split('/').map(encodeURIComponent).join('/')}`;

describeWithCorpus('the feed corpus ingested end to end', () => {
  const entries = listCorpusEntries();
  const unhandled: unknown[] = [];
  const recordUnhandled = (reason: unknown) => unhandled.push(reason);
  let server: FeedServer;
  let t: TestApp;
  let run: { status: number; body: any };
  let byPath: Map<string, FeedView>;

  const sql = <T = any>(text: string, params: unknown[] = []) => sqlOn<T>(t.db.url, text, params);

  /** Titles and summaries of the articles one corpus file brought. */
  async function articlesOf(path: string): Promise<{ title: string; summary: string }[]> {
    const feed = byPath.get(path);
    if (!feed) throw new Error(`no feed for ${path}`);
    return sql(
      'SELECT a.title, a.summary FROM articles a JOIN feed_items fi ON fi.article_id = a.id WHERE fi.feed_id = $1 ORDER BY a.id',
      [feed.id],
    );
  }

  beforeAll(async () => {
    process.on('unhandledRejection', recordUnhandled);
    server = await serveCorpus();
    t = await startTestApp({ FETCH_CONCURRENCY: '16', FETCH_PER_HOST_CONCURRENCY: '16', FETCH_TIMEOUT_MS: '10000' });
    const pathByUrl = new Map<string, string>();
    for (const entry of entries) {
      const res = await api(t.baseUrl, '/api/admin/feeds', {
        method: 'POST',
        body: { url: server.url(urlPath(entry.path)) },
      });
      if (res.status !== 201) throw new Error(`adding ${entry.path}: ${res.status} ${JSON.stringify(res.body)}`);
      pathByUrl.set(res.body.url, entry.path);
    }
    run = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
    const list = await api(t.baseUrl, '/api/admin/feeds?limit=500');
    byPath = new Map((list.body.data as FeedView[]).map((feed) => [pathByUrl.get(feed.url)!, feed]));
  }, 55_000);

  afterAll(async () => {
    process.off('unhandledRejection', recordUnhandled);
    await t?.close();
    await server?.close();
  });

  it('runs once over every file and succeeds, with no unhandled rejection', () => {
    expect(entries.length).toBeGreaterThanOrEqual(290);
    expect(run.status).toBe(200);
    expect(run.body.status).toBe('succeeded');
    expect(run.body.summary.feedsTried).toBe(entries.length);
    expect(byPath.size).toBe(entries.length);
    expect(unhandled).toEqual([]);
  });

  it('fetches every feed and ends each with articles or a readable, coded error', () => {
    const report = [...byPath].map(([path, feed]) => ({
      path,
      articles: feed.articleCount,
      code: feed.lastErrorCode,
      error: feed.lastError,
      fetched: feed.lastFetchedAt,
    }));
    expect(report.filter((r) => r.fetched === null)).toEqual([]);
    const readable = (r: (typeof report)[number]) =>
      /^[a-z-]+$/.test(r.code ?? '') && /\w{3,}.*\w{3,}/.test(r.error ?? '');
    const unclear = report.filter((r) => (r.error === null ? r.code !== null : !readable(r)));
    expect(unclear).toEqual([]);
  });

  it('errors on exactly the feeds listed as expected to error', () => {
    const failed = [...byPath]
      .filter(([, feed]) => feed.lastError !== null)
      .map(([path]) => path)
      .sort();
    expect(failed).toEqual(Object.keys(EXPECTED_ERRORS).sort());
  });

  it('stores articles from every other feed that has items, apart from the listed ones', () => {
    const emptyWithItems = entries
      .filter(
        (entry) =>
          byPath.get(entry.path)!.lastError === null && byPath.get(entry.path)!.articleCount === 0 && hasItems(entry),
      )
      .map((entry) => entry.path)
      .sort();
    expect(emptyWithItems).toEqual(Object.keys(EXPECTED_EMPTY_WITH_ITEMS).sort());
    const stored = [...byPath.values()].filter((feed) => feed.articleCount > 0).length;
    expect(stored).toBeGreaterThan(150);
  });

  it.each([
    [
      'miniflux/internal/reader/encoding/testdata/koi8r.xml',
      'Первая новость',
      'Привет мир! Ёжик, чай, Москва, Санкт-Петербург.',
    ],
    [
      'miniflux/internal/reader/parser/testdata/encoding_WINDOWS-1251.xml',
      'Цитата #17703',
      'xxx: есть у кого жаба программер',
    ],
    [
      'node-feedparser-danmactough/test/feeds/iconv.xml',
      'В Бузулуке главные стройплощадки – детсад и Ледовый дворец',
      'Работы по возведению детского сада',
    ],
    ['feedparser-kurtmckee/tests/encoding/euc-kr-item.xml', '년', '년'],
  ])('stores %s as correct Unicode', async (path, title, summaryPart) => {
    const articles = await articlesOf(path);
    const article = articles.find((a) => a.title === title);
    expect(article).toBeDefined();
    expect(article!.summary).toContain(summaryPart);
  });

  it('stores no markup that could run: no summary or title contains <script', async () => {
    const [row] = await sql(
      "SELECT count(*)::int AS n FROM articles WHERE summary ILIKE '%<script%' OR title ILIKE '%<script%'",
    );
    const [total] = await sql('SELECT count(*)::int AS n FROM articles');
    expect(total.n).toBeGreaterThan(1000);
    expect(row.n).toBe(0);
  });
});
