import { olderPage, pageKey, pagingLinks } from '../../../src/imports/paging-links';

describe('pagingLinks', () => {
  it('finds RFC 5005 prev-archive and next links in Atom, in any attribute order', () => {
    const atom = `<feed><link href="https://x.example/feed" rel="current"/><link rel='next' href="/page/2?a=1&amp;b=2"/><link type="application/atom+xml" href="/2024/06.xml" rel="prev-archive"/></feed>`;
    expect(pagingLinks(atom)).toEqual({ wordpress: false, next: '/page/2?a=1&b=2', prevArchive: '/2024/06.xml' });
  });

  it('reads atom:link in RSS and next_url in JSON Feed', () => {
    expect(pagingLinks(`<rss><channel><atom:link rel="next" href="https://x.example/p2"/></channel></rss>`).next).toBe(
      'https://x.example/p2',
    );
    expect(
      pagingLinks(`{"version":"https://jsonfeed.org/version/1.1","next_url":"https://x.example/j2","items":[]}`).next,
    ).toBe('https://x.example/j2');
  });

  it('prefers the archive, resolves relative links, and pages WordPress feeds with ?paged=N', () => {
    expect(
      olderPage(
        { wordpress: false, next: 'p2', prevArchive: 'a1' },
        'https://x.example/feed/',
        'https://x.example/feed/',
        1,
      ),
    ).toBe('https://x.example/feed/a1');
    const wp = pagingLinks('<rss><channel><generator>https://wordpress.org/?v=6.5</generator></channel></rss>');
    expect(wp.wordpress).toBe(true);
    expect(olderPage(wp, 'https://x.example/feed/', 'https://x.example/feed/', 1)).toBe(
      'https://x.example/feed/?paged=2',
    );
    expect(olderPage({ wordpress: false }, 'https://x.example/feed/', 'https://x.example/feed/', 1)).toBeNull();
  });

  it('compares pages without their fragment, so a loop through #anchor is still a loop', () => {
    expect(pageKey('https://x.example/a#again')).toBe(pageKey('https://x.example/a'));
  });
});
