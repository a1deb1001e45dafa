import { parseFeed } from 'feedsmith';
import Parser from 'rss-parser';
import { buildDigestContent } from '../../../src/digests/digest-builder';
import { renderAtomFeed, type AtomDigest } from '../../../src/digests/renderers/atom';
import { digestInput, hostileDigest, trendInput, HOSTILE_TITLE } from './digest-fixtures';

const options = { selfUrl: 'https://scorecard.example/digests.atom', siteUrl: 'https://scorecard.example/app' };

function digests(): AtomDigest[] {
  const quiet = buildDigestContent(
    digestInput([trendInput({ number: 1 })], {
      periodStart: new Date('2024-11-18T00:00:00Z'),
      periodEnd: new Date('2024-11-25T00:00:00Z'),
    }),
  );
  return [
    {
      id: 1,
      periodStart: new Date('2024-11-18T00:00:00Z'),
      periodEnd: new Date('2024-11-25T00:00:00Z'),
      createdAt: new Date('2024-11-25T06:00:00Z'),
      content: quiet,
    },
    {
      id: 2,
      periodStart: new Date('2024-11-25T00:00:00Z'),
      periodEnd: new Date('2024-12-02T00:00:00Z'),
      createdAt: new Date('2024-12-02T06:00:00Z'),
      content: hostileDigest(),
    },
  ];
}

describe('renderAtomFeed', () => {
  const xml = renderAtomFeed(digests(), options);

  it('parses back as an Atom feed with self link, id, title and latest update', () => {
    const { format, feed } = parseFeed(xml);
    expect(format).toBe('atom');
    if (format !== 'atom') return;
    expect(feed.id).toBe(options.selfUrl);
    expect(feed.title).toEqual({ value: 'Trend scorecard digests' });
    expect(feed.updated).toBe('2024-12-02T06:00:00.000Z');
    expect(feed.links).toContainEqual(expect.objectContaining({ rel: 'self', href: options.selfUrl }));
  });

  it('has one entry per digest, newest first, with stable tag: ids and links', () => {
    const parsed = parseFeed(xml);
    if (parsed.format !== 'atom') throw new Error(`expected atom, got ${parsed.format}`);
    const entries = parsed.feed.entries ?? [];
    expect(entries.map((e) => e.id)).toEqual([
      'tag:scorecard.example,2024-11-25:digest/2024-11-25T00:00:00.000Z',
      'tag:scorecard.example,2024-11-18:digest/2024-11-18T00:00:00.000Z',
    ]);
    expect(entries.map((e) => e.links?.[0]?.href)).toEqual([
      'https://scorecard.example/app/digests/2',
      'https://scorecard.example/app/digests/1',
    ]);
    expect(entries.map((e) => e.title?.value)).toEqual([
      'Trend digest 2024-11-25 – 2024-12-01: 1 mover',
      'Trend digest 2024-11-18 – 2024-11-24: nothing moved',
    ]);
  });

  it('carries the HTML digest as escaped content that decodes to escaped titles, never raw script', () => {
    const parsed = parseFeed(xml);
    if (parsed.format !== 'atom') throw new Error('expected atom');
    const content = parsed.feed.entries?.[0]?.content;
    expect(content?.type).toBe('html');
    expect(content?.value).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(content?.value).not.toMatch(/<script/i);
    expect(xml).not.toContain(HOSTILE_TITLE);
  });

  it('is well-formed XML to a strict parser', async () => {
    const feed = await new Parser().parseString(xml);
    expect(feed.items.map((item) => item.id)).toHaveLength(2);
    expect(feed.items[0].link).toBe('https://scorecard.example/app/digests/2');
  });

  it('strips control characters that would make the XML invalid', () => {
    const content = buildDigestContent(
      digestInput([
        trendInput({
          number: 1,
          newSupporting: 1,
          topEvidence: [
            {
              title: 'bell\u0007 and null\u0000',
              url: null,
              publishedAt: '2024-11-26T00:00:00.000Z',
              stance: 'supports',
              score: 1,
            },
          ],
        }),
      ]),
    );
    const withControls = renderAtomFeed([{ ...digests()[0], content }], options);
    // Checked directly: the parsers used here tolerate control characters, stricter readers do not.
    expect(withControls).not.toMatch(/[\u0000\u0007]/);
    expect(withControls).toContain('bell and null');
  });

  it('is valid with no digests and refuses non-http self URLs', () => {
    const parsed = parseFeed(renderAtomFeed([], options));
    if (parsed.format !== 'atom') throw new Error('expected atom');
    expect(parsed.feed.entries ?? []).toEqual([]);
    expect(parsed.feed.updated).toBe('1970-01-01T00:00:00.000Z');
    expect(() => renderAtomFeed([], { ...options, selfUrl: 'javascript:alert(1)' })).toThrow(TypeError);
  });
});
