import { articleFromRecord, fieldForColumn } from '../../../src/imports/article-row';

const context = { row: 7, defaultSource: null, since: null, now: new Date('2026-12-01T00:00:00Z') };

describe('articleFromRecord', () => {
  it('maps synonyms (link, pubDate, site, description) and normalises as polling does', () => {
    const outcome = articleFromRecord(
      {
        Link: 'https://x.example/a?utm_source=rss',
        pubDate: 'Mon, 05 Aug 2024 10:00:00 GMT',
        Headline: ' A <b>story</b> ',
        description: '<p>Body &amp; more</p>',
        site: 'Wire',
      },
      context,
    );
    expect(outcome).toMatchObject({
      kind: 'item',
      source: 'Wire',
      item: {
        normalizedUrl: 'https://x.example/a',
        title: 'A story',
        summary: 'Body & more',
        publishedAt: new Date('2024-08-05T10:00:00Z'),
      },
    });
  });

  it.each([
    [{ title: 't', published: '2024-01-01', source: 's' }, 'url', /missing/],
    [{ url: 'ftp://x.example/a', title: 't', published: '2024-01-01', source: 's' }, 'url', /not an http/],
    [{ url: 'https://x.example/a', published: '2024-01-01', source: 's' }, 'title', /missing/],
    [{ url: 'https://x.example/a', title: 't', published: 'soon', source: 's' }, 'published', /not a date: "soon"/],
    [{ url: 'https://x.example/a', title: 't', published: '2024-01-01' }, 'source', /--source/],
    [
      { url: 'https://x.example/a', title: 't', published: '2024-01-01', source: 's', summary: { html: 1 } },
      'summary',
      /not text/,
    ],
  ])('refuses %j naming row and field %s', (record, field, message) => {
    const outcome = articleFromRecord(record, context);
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.refusal).toMatchObject({ row: 7, field });
    expect(outcome.refusal.message).toMatch(message);
  });

  it('uses --source for rows that name none, and skips rows before --since', () => {
    const base = { url: 'https://x.example/a', title: 't', published: '2024-06-30T23:59:59Z' };
    expect(articleFromRecord(base, { ...context, defaultSource: 'Archive' })).toMatchObject({
      kind: 'item',
      source: 'Archive',
    });
    expect(articleFromRecord({ ...base, source: 's' }, { ...context, since: new Date('2024-07-01') })).toEqual({
      kind: 'before-since',
    });
  });

  it('knows columns by name whatever their case and separators', () => {
    expect(fieldForColumn('Published_At')).toBe('published');
    expect(fieldForColumn('site-name')).toBe('source');
    expect(fieldForColumn('wordcount')).toBeUndefined();
  });
});
