import { createHash } from 'node:crypto';
import { itemIdentityHash, normaliseItem } from '../../../src/articles/article-normaliser';

const now = new Date('2024-06-01T12:00:00Z');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('itemIdentityHash', () => {
  it('uses the GUID first, then the normalised link, then title and date', () => {
    expect(itemIdentityHash({ guid: ' g-1 ', link: 'https://a.example/x' })).toBe(sha256('guid:g-1'));
    expect(itemIdentityHash({ link: 'https://A.example/x?utm_source=rss' })).toBe(
      itemIdentityHash({ link: 'https://a.example/x' }),
    );
    const published = new Date('2024-01-01T00:00:00Z');
    expect(itemIdentityHash({ title: 'T', publishedAt: published })).toBe(
      sha256('title:T|date:2024-01-01T00:00:00.000Z'),
    );
    expect(itemIdentityHash({ title: 'T', publishedAt: published })).not.toBe(itemIdentityHash({ title: 'T' }));
  });
});

describe('normaliseItem', () => {
  it('produces plain text, canonical URL, language fallback and the item date', () => {
    const item = normaliseItem(
      {
        guid: 'g',
        link: 'https://News.example/a?utm_medium=rss#top',
        title: '<b>Big</b> &amp; bold',
        summaryHtml: '<p>Body <script>x()</script>text</p>',
        author: ' Ada ',
        publishedAt: new Date('2024-05-31T08:00:00Z'),
      },
      'en',
      now,
    );
    expect(item).toEqual({
      itemKeyHash: sha256('guid:g'),
      url: 'https://news.example/a?utm_medium=rss#top',
      normalizedUrl: 'https://news.example/a',
      title: 'Big & bold',
      summary: 'Body text',
      author: 'Ada',
      language: 'en',
      publishedAt: new Date('2024-05-31T08:00:00Z'),
    });
  });

  it('never leaves the title empty', () => {
    expect(normaliseItem({ summaryHtml: '<p>Summary start here</p>' }, null, now).title).toBe('Summary start here');
    expect(normaliseItem({ title: '  <br> ' }, null, now).title).toBe('(untitled)');
  });

  it('replaces a missing or absurdly future date with now, keeps a slightly early one', () => {
    expect(normaliseItem({ title: 't' }, null, now).publishedAt).toEqual(now);
    expect(normaliseItem({ title: 't', publishedAt: new Date('2030-01-01T00:00:00Z') }, null, now).publishedAt).toEqual(
      now,
    );
    const inTwoHours = new Date(now.getTime() + 2 * 3_600_000);
    expect(normaliseItem({ title: 't', publishedAt: inTwoHours }, null, now).publishedAt).toEqual(inTwoHours);
  });

  it('resolves relative links against the feed URL and rejects non-http links', () => {
    expect(normaliseItem({ link: '/post/1' }, null, now, 'https://blog.example/feed').url).toBe(
      'https://blog.example/post/1',
    );
    expect(normaliseItem({ link: 'javascript:alert(1)' }, null, now)).toMatchObject({ url: null, normalizedUrl: null });
  });
});
