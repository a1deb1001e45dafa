import { parseFeed } from '../../../src/feeds/feed-parser';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>laugh &lol9;</title><description>&lol9;</description></item></channel></rss>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY remote SYSTEM "http://127.0.0.1:9/evil.dtd"> ]>
<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title><description>&remote;</description></item></channel></rss>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items with guid, link, dates, author and content:encoded', () => {
    const feed =
      parseFeed(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>News</title><link>https://news.example/</link><language>en-GB</language><ttl>30</ttl>
      <item><guid isPermaLink="false">id-1</guid><link>https://news.example/1</link><title>One &amp; two</title>
        <description>short</description><content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded>
        <dc:creator>Ada</dc:creator><pubDate>Tue, 02 Jan 2024 10:00:00 +0100</pubDate></item>
      <item><title>No date</title><pubDate>sometime soon</pubDate></item>
      </channel></rss>`);
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'News',
      siteUrl: 'https://news.example/',
      language: 'en-GB',
      ttlMinutes: 30,
    });
    expect(feed.items[0]).toMatchObject({
      guid: 'id-1',
      link: 'https://news.example/1',
      title: 'One & two',
      summaryHtml: '<p>Full <b>text</b></p>',
      author: 'Ada',
    });
    expect(feed.items[0].publishedAt?.toISOString()).toBe('2024-01-02T09:00:00.000Z');
    expect(feed.items[1].publishedAt).toBeUndefined();
  });

  it('reads Atom entries, escaping type="text" summaries so they stay HTML', () => {
    const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>Journal</title>
      <link rel="self" href="https://j.example/feed"/><link href="https://j.example/"/>
      <entry><id>urn:1</id><title>Entrée</title><link rel="alternate" href="https://j.example/1"/>
        <summary type="text">a &lt; b</summary><updated>2024-03-01T12:00:00Z</updated><author><name>Zoé</name></author></entry></feed>`);
    expect(feed).toMatchObject({ format: 'atom', title: 'Journal', siteUrl: 'https://j.example/', language: 'fr' });
    expect(feed.items[0]).toMatchObject({
      guid: 'urn:1',
      link: 'https://j.example/1',
      title: 'Entrée',
      summaryHtml: 'a &lt; b',
      author: 'Zoé',
    });
    expect(feed.items[0].publishedAt?.toISOString()).toBe('2024-03-01T12:00:00.000Z');
  });

  it('reads RSS 1.0 (RDF) and JSON Feed', () => {
    const rdf =
      parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link></channel>
      <item rdf:about="https://r.example/1"><title>First</title><link>https://r.example/1</link><dc:date>2024-01-01T00:00:00Z</dc:date></item></rdf:RDF>`);
    expect(rdf).toMatchObject({ format: 'rdf', items: [{ guid: 'https://r.example/1', title: 'First' }] });
    const json = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [{ id: '7', url: 'https://j.example/7', content_text: 'x < y', date_published: '2024-05-05T05:05:05Z' }],
      }),
    );
    expect(json).toMatchObject({ format: 'json', title: 'J', items: [{ guid: '7', summaryHtml: 'x &lt; y' }] });
  });

  it('treats a well-formed feed with nothing in it as empty, not broken', () => {
    expect(parseFeed('<rss version="2.0"><channel></channel></rss>')).toEqual({ format: 'rss', items: [] });
  });

  it('reads RSS items placed straight under <rss>, with no <channel>', () => {
    const feed = parseFeed(
      '<rss version="0.91"><title>Bare</title><item><title>Loose item</title><link>https://l.example/1</link></item>\n</rss>',
    );
    expect(feed).toMatchObject({ format: 'rss', items: [{ title: 'Loose item', link: 'https://l.example/1' }] });
    // Items outside a channel that does exist were always read.
    expect(
      parseFeed('<rss><channel><title>x</title></channel><item><title>After</title></item></rss>').items,
    ).toHaveLength(1);
  });

  it('does not expand a billion-laughs DTD', () => {
    const started = Date.now();
    const feed = parseFeed(BILLION_LAUGHS);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(JSON.stringify(feed)).not.toContain('lollol');
    expect(JSON.stringify(feed).length).toBeLessThan(1000);
  });

  it('does not resolve external entities', () => {
    const serialised = JSON.stringify(parseFeed(EXTERNAL_ENTITY));
    expect(serialised).not.toMatch(/root:|daemon:/);
    expect(serialised).not.toContain('evil');
  });

  it.each([
    ['<!DOCTYPE html><html><body>hi</body></html>', 'not-a-feed'],
    ['<note><to>x</to></note>', 'not-a-feed'],
    ['', 'not-a-feed'],
    ['{"hello": "world"}', 'not-a-feed'],
    ['<rss version="2.0"><channel><title>cut off</title></channel', 'parse-error'],
  ])('throws a FeedParseError for %j', (text, code) => {
    expect(() => parseFeed(text)).toThrow(expect.objectContaining({ code, name: 'FeedError' }));
  });
});
