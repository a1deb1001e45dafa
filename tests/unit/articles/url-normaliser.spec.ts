import { normaliseUrl } from '../../../src/articles/url-normaliser';

describe('normaliseUrl', () => {
  it.each([
    ['HTTPS://News.Example.COM:443/a/b?utm_source=rss&utm_medium=feed#comments', 'https://news.example.com/a/b'],
    ['http://example.com:80/', 'http://example.com'],
    ['http://example.com:8080/', 'http://example.com:8080'],
    ['https://example.com/?', 'https://example.com'],
    ['https://example.com/path/', 'https://example.com/path/'],
    [
      'https://example.com/p?z=1&a=2&fbclid=abc&gclid=x&mc_cid=1&mc_eid=2&igshid=3&spm=4&ref=hn',
      'https://example.com/p?a=2&z=1',
    ],
    ['https://example.com/p?from=rss&source=twitter&id=5', 'https://example.com/p?id=5'],
    [
      'https://example.com/search?from=2024-01-01&source=archive',
      'https://example.com/search?from=2024-01-01&source=archive',
    ],
    ['https://user:pw@example.com/x', 'https://example.com/x'],
    ['https://example.com/a#', 'https://example.com/a'],
    ['https://example.com/a?#frag', 'https://example.com/a'],
    ['https://:pw@example.com/x?b=%20c+d&a=1', 'https://example.com/x?a=1&b=+c+d'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'mailto:a@b.c', 'ftp://example.com/x', 'not a url', '', undefined])(
    'returns null for %j',
    (input) => {
      expect(normaliseUrl(input)).toBeNull();
    },
  );

  it('resolves relative links against a base', () => {
    expect(normaliseUrl('/post/1?utm_campaign=x', 'https://blog.example/feed.xml')).toBe('https://blog.example/post/1');
  });
});
