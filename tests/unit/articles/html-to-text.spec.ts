import { htmlToText } from '../../../src/articles/html-to-text';

describe('htmlToText', () => {
  it('strips tags, drops script and style content, decodes entities and collapses whitespace', () => {
    const html = '<p>Caf&eacute;&nbsp;&amp; <b>bar</b></p>\n\n<script>alert("x")</script><style>p{color:red}</style><p>next&#8217;s</p>';
    expect(htmlToText(html)).toBe('Café & bar next’s');
  });

  it('keeps characters that only look like markup once decoded', () => {
    expect(htmlToText('1 &lt; 2 &amp;&amp; 3 &gt; 2 &quot;ok&quot;')).toBe('1 < 2 && 3 > 2 "ok"');
  });

  it('separates block elements', () => {
    expect(htmlToText('<ul><li>one</li><li>two</li></ul><br>three')).toBe('one two three');
  });

  it('caps the length without splitting a code point', () => {
    const text = htmlToText(`<p>${'😀'.repeat(5000)}</p>`, 100);
    expect(Array.from(text)).toHaveLength(100);
    expect(text.endsWith('…')).toBe(true);
    expect(htmlToText('a'.repeat(5000))).toHaveLength(4000);
  });

  it('returns empty text for empty input', () => {
    expect(htmlToText(undefined)).toBe('');
    expect(htmlToText('<p> </p>')).toBe('');
  });
});
