import { buildDigestContent } from '../../../src/digests/digest-builder';
import { renderHtml } from '../../../src/digests/renderers/html';
import { renderMarkdown } from '../../../src/digests/renderers/markdown';
import { renderPlainText } from '../../../src/digests/renderers/plain-text';
import { digestInput, hostileDigest, trendInput } from './digest-fixtures';

describe('renderHtml', () => {
  const html = renderHtml(hostileDigest());

  it('escapes hostile evidence titles instead of injecting them', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>everywhere/);
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
  });

  it('links only http(s) URLs, dropping javascript: and data: ones', () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://news.example/a?x=1&amp;y=(2)']);
    expect(html).not.toMatch(/javascript:alert\(document/);
  });

  it('is a self-contained page with inline styles and a server-side sparkline per prediction', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<style|<link |<script|src="http/i);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('<table');
    expect(html).toContain('accelerating, 12 new supporting, 1 contradicting');
    expect(html).toContain('4 awaiting review');
  });

  it('says so when nothing moved', () => {
    const quiet = buildDigestContent(digestInput([trendInput({ number: 1 })]));
    expect(renderHtml(quiet)).toContain('Nothing moved this period');
    expect(html).not.toContain('Nothing moved this period');
  });
});

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(hostileDigest());

  it('escapes markup in hostile titles so they cannot open tags, links or table cells', () => {
    const unescapedMarkup = /(^|[^\\])(<script|<img|\]\(javascript:)/im;
    expect(markdown).not.toMatch(unescapedMarkup);
    expect(markdown).toContain('\\<script\\>alert\\(\\"x\\"\\)\\</script\\>');
    expect(markdown).toContain('\\| pipe');
  });

  it('links http(s) evidence with parentheses encoded, and leaves other URLs unlinked', () => {
    expect(markdown).toContain('[Safe \\"quoted\\" title](https://news.example/a?x=1&y=%282%29)');
    expect(markdown).not.toContain('data:text/html');
  });

  it('lists movers biggest change first', () => {
    const content = buildDigestContent(
      digestInput([
        trendInput({ number: 1, titleEn: 'Small', momentumAtEnd: { score: 0.2, direction: 'rising' } }),
        trendInput({ number: 2, titleEn: 'Large', momentumAtEnd: { score: -0.5, direction: 'falling' } }),
      ]),
    );
    const movers = renderMarkdown(content).split('## Movers')[1].split('##')[0];
    expect(movers.indexOf('Large')).toBeLessThan(movers.indexOf('Small'));
    expect(movers).toContain('**#2 Large**: ↓ falling (-0.50)');
  });

  it('says so when nothing moved', () => {
    const quiet = buildDigestContent(digestInput([trendInput({ number: 1 })]));
    expect(renderMarkdown(quiet)).toContain('Nothing moved this period');
    expect(renderMarkdown(quiet)).not.toContain('## Movers');
  });
});

describe('renderPlainText', () => {
  const text = renderPlainText(hostileDigest());

  it('keeps untrusted titles on one line and prints only http(s) URLs', () => {
    const withNewline = buildDigestContent(
      digestInput([
        trendInput({
          number: 1,
          topEvidence: [
            {
              title: 'line one\nFAKE HEADER',
              url: 'https://x.example/',
              publishedAt: '2024-11-26T00:00:00.000Z',
              stance: 'supports',
              score: 1,
            },
          ],
        }),
      ]),
    );
    expect(renderPlainText(withNewline)).toContain(
      '  - line one FAKE HEADER [supports, 1.00, 2024-11-26] https://x.example/',
    );
    expect(text).not.toContain('javascript:alert(document.cookie)');
    expect(text).not.toContain('javascript:alert(4)');
    expect(text).not.toContain('data:text');
  });

  it('carries the verdicts and the period', () => {
    expect(text).toContain('Trend digest 2024-11-25 – 2024-12-01');
    expect(text).toContain('accelerating, 12 new supporting, 1 contradicting; 4 awaiting review');
  });
});

describe('bidirectional controls in digests', () => {
  const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
  const spoofed = `Invoice \u202Egnp.exe\u202C and \u2066isolated\u2069 ${BIDI.join('')}`;
  const digest = () =>
    buildDigestContent(
      digestInput([
        trendInput({
          number: 2,
          titleEn: `Reasoning ${BIDI.join('')}`,
          series: [0, 0.1, 0.4],
          topEvidence: [
            {
              title: spoofed,
              url: 'https://news.example/b',
              publishedAt: '2024-11-27T10:00:00.000Z',
              stance: 'supports',
              score: 0.9,
            },
          ],
        }),
      ]),
    );

  it.each([
    ['HTML', () => renderHtml(digest())],
    ['Markdown', () => renderMarkdown(digest())],
    ['plain text', () => renderPlainText(digest())],
  ])('strips U+202A-202E and U+2066-2069 from %s, keeping the text around them', (_format, render) => {
    const out = render();
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(out).toContain('gnp.exe');
  });
});
