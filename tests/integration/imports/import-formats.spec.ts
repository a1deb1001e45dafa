import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleRepository } from '../../../src/articles/article.repository';
import { ImportRunner } from '../../../src/imports/import-runner.service';
import type { ImportRecord } from '../../../src/imports/import.repository';
import { sql } from '../../support/sql';
import { api, startTestApp, TestApp } from '../../support/test-app';

const dir = mkdtempSync(join(tmpdir(), 'import-formats-'));

function rss(title: string, items: Array<{ title: string; link: string; date: string }>): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.link}</guid><pubDate>${i.date}</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${entries}</channel></rss>`;
}

const JSONL = [
  {
    title: 'xAI expands Colossus to 200,000 Nvidia H100 GPUs for training',
    url: 'https://a.example/colossus?utm_source=rss',
    published: '2024-08-06T09:00:00Z',
    summary: 'A GPU training cluster.',
    source: 'Wire A',
    language: 'en',
  },
  {
    title: 'Harbour festival draws crowds',
    url: 'https://a.example/festival',
    published: '2024-09-10',
    source: 'Wire A',
  },
  'this line is not JSON',
  { title: 'No date here', url: 'https://a.example/undated', source: 'Wire A' },
  {
    title: 'Same story, other wire',
    url: 'https://a.example/colossus',
    published: '2024-08-06T09:00:00Z',
    source: 'Wire B',
  },
]
  .map((r) => (typeof r === 'string' ? r : JSON.stringify(r)))
  .join('\n');

const CSV = [
  'Headline,Link,pubDate,Description,Site',
  'Council approves budget,https://c.example/budget,2024-10-01,Plain news,Paper C',
  'Too few fields,https://c.example/short',
  'Bad date,https://c.example/bad,not-a-date,x,Paper C',
  '"Quoted, with comma",https://c.example/quoted,2024-10-02T08:00:00Z,"x ""y""",Paper C',
].join('\n');

describe('imports of each format', () => {
  let t: TestApp;
  let runner: ImportRunner;
  const importFile = async (location: string, format?: string, source?: string): Promise<ImportRecord> => {
    const run = await runner.run({ location, format, source: source ?? null });
    return run.done;
  };

  beforeAll(async () => {
    t = await startTestApp();
    runner = t.app.get(ImportRunner);
    writeFileSync(join(dir, 'articles.jsonl'), JSONL);
    writeFileSync(join(dir, 'articles.csv'), CSV);
    const feeds = join(dir, 'feeds');
    mkdirSync(join(feeds, 'nested'), { recursive: true });
    writeFileSync(
      join(feeds, '2024-07.xml'),
      rss('Saved Feed', [
        { title: 'July story', link: 'https://f.example/july', date: 'Mon, 15 Jul 2024 10:00:00 GMT' },
      ]),
    );
    writeFileSync(
      join(feeds, 'nested', '2024-08.xml'),
      rss('Saved Feed', [
        { title: 'August story', link: 'https://f.example/aug', date: 'Thu, 15 Aug 2024 10:00:00 GMT' },
        { title: 'July story', link: 'https://f.example/july', date: 'Mon, 15 Jul 2024 10:00:00 GMT' },
      ]),
    );
    writeFileSync(join(feeds, 'broken.xml'), '<html><body>not a feed</body></html>');
    execFileSync('tar', ['-czf', join(dir, 'feeds.tar.gz'), '-C', feeds, '.']);
    execFileSync('python3', [
      '-c',
      `import shutil; shutil.make_archive(${JSON.stringify(join(dir, 'feeds'))}, 'zip', ${JSON.stringify(feeds)})`,
    ]);
  });
  afterAll(() => t.close());

  it('imports JSON Lines, refusing the bad lines by row and field and merging the syndicated story', async () => {
    const done = await importFile(join(dir, 'articles.jsonl'));
    expect(done.status).toBe('succeeded');
    expect(done.counts).toMatchObject({ read: 5, stored: 2, merged: 1, seenInOtherSources: 1, refused: 2 });
    expect(done.refusals).toEqual([
      expect.objectContaining({ row: 3, field: '(line)', message: expect.stringMatching(/not valid JSON/) }),
      expect.objectContaining({ row: 4, field: 'published', message: expect.stringMatching(/missing/) }),
    ]);
    const [colossus] = await sql(
      t.db.url,
      `SELECT id FROM articles WHERE normalized_url = 'https://a.example/colossus'`,
    );
    const seenIn = await sql(
      t.db.url,
      `SELECT f.title, f.kind, fi.import_id FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id WHERE fi.article_id = $1 ORDER BY f.title`,
      [colossus.id],
    );
    expect(seenIn).toEqual([
      { title: 'Wire A', kind: 'import', import_id: done.id },
      { title: 'Wire B', kind: 'import', import_id: done.id },
    ]);
    expect(done.counts.evidence).toBeGreaterThanOrEqual(1);
  });

  it('adds nothing when the same file is imported again', async () => {
    const before = await sql(
      t.db.url,
      `SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM feed_items) fi, (SELECT count(*) FROM evidence) e`,
    );
    const again = await importFile(join(dir, 'articles.jsonl'));
    expect(again.status).toBe('succeeded');
    expect(again.counts).toMatchObject({ stored: 0, evidence: 0, merged: 3 });
    expect(
      await sql(
        t.db.url,
        `SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM feed_items) fi, (SELECT count(*) FROM evidence) e`,
      ),
    ).toEqual(before);
  });

  it('stores only the new rows of a file that grew since it was imported, in a source stored before', async () => {
    const row = (n: number, source: string) =>
      JSON.stringify({
        title: `Grown file story ${n}`,
        url: `https://grown.example/${n}`,
        published: new Date(Date.UTC(2024, 7, 1) + n * 3_600_000).toISOString(),
        source,
      });
    const first = Array.from({ length: 40 }, (_, n) => row(n, n % 2 ? 'Grown B' : 'Grown A'));
    writeFileSync(join(dir, 'grown-1.jsonl'), first.join('\n'));
    expect((await importFile(join(dir, 'grown-1.jsonl'))).counts).toMatchObject({ stored: 40, merged: 0 });
    // The same rows again, with new ones among them: each source's group is mostly stored.
    const grown = [
      ...first.slice(0, 20),
      row(100, 'Grown A'),
      ...first.slice(20),
      row(101, 'Grown B'),
      row(102, 'New C'),
    ];
    writeFileSync(join(dir, 'grown-2.jsonl'), grown.join('\n'));
    const store = jest.spyOn(t.app.get(ArticleRepository), 'storeItems');
    const again = await importFile(join(dir, 'grown-2.jsonl'));
    const sent = store.mock.calls.map(([, batch]) => batch.urlItemCount + batch.withoutUrl.length);
    store.mockRestore();
    expect(again.counts).toMatchObject({ read: 43, stored: 3, merged: 40 });
    // Only the new rows went to the store statement: the sources were asked first what they had.
    expect(sent.reduce((a, b) => a + b, 0)).toBe(3);
    const rows = await sql(
      t.db.url,
      `SELECT f.title, count(*)::int n FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id
       WHERE f.title LIKE 'Grown%' OR f.title = 'New C' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { title: 'Grown A', n: 21 },
      { title: 'Grown B', n: 21 },
      { title: 'New C', n: 1 },
    ]);
  });

  it('imports CSV with columns mapped by name, refusing short rows and bad dates', async () => {
    const done = await importFile(join(dir, 'articles.csv'));
    expect(done.counts).toMatchObject({ read: 4, stored: 2, refused: 2 });
    expect(done.refusals).toEqual([
      expect.objectContaining({ row: 2, field: '(row)', message: 'has 2 fields where the header has 5' }),
      expect.objectContaining({ row: 3, field: 'published', message: expect.stringMatching(/not a date/) }),
    ]);
    const [quoted] = await sql(
      t.db.url,
      `SELECT title, summary FROM articles WHERE normalized_url = 'https://c.example/quoted'`,
    );
    expect(quoted).toEqual({ title: 'Quoted, with comma', summary: 'x "y"' });
  });

  it.each([['feeds'], ['feeds.tar.gz'], ['feeds.zip']])(
    'imports saved feed files from %s, refusing the file that is no feed',
    async (name) => {
      const done = await importFile(join(dir, name), 'feeds', `saved ${name}`);
      expect(done.status).toBe('succeeded');
      expect(done.refusals).toEqual([
        expect.objectContaining({
          field: expect.stringMatching(/broken\.xml$/),
          message: expect.stringMatching(/not-a-feed/),
        }),
      ]);
      // The July story is in two files of the same source: one item of that source, merged once.
      expect(done.counts).toMatchObject({ read: 4, refused: 1, merged: expect.any(Number) });
      const items = await sql(
        t.db.url,
        `SELECT count(*)::int n FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id WHERE f.title = $1`,
        [`saved ${name}`],
      );
      expect(items[0].n).toBe(2);
    },
  );

  it('keeps named import sources out of the OPML export, but lists them among the feeds', async () => {
    const opml = await api(t.baseUrl, '/api/admin/feeds/opml');
    expect(opml.status).toBe(200);
    expect(String(opml.body)).not.toContain('import:');
    const feeds = await api(t.baseUrl, '/api/admin/feeds');
    expect(feeds.body.data.map((f: { url: string }) => f.url)).toContain('import:Wire A');
  });

  it('lists the imports and shows one with its summary over the API', async () => {
    const list = await api(t.baseUrl, '/api/admin/imports');
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThanOrEqual(4);
    const one = await api(t.baseUrl, `/api/admin/imports/${list.body.data.at(-1).id}`);
    expect(one.body).toMatchObject({ format: 'jsonl', status: 'succeeded', counts: { read: 5, refused: 2 } });
    expect(typeof one.body.rowsPerSecond).toBe('number');
    expect(one.body.fraction).toBe(1);
  });
});
