import { htmlToText } from '../../../src/articles/html-to-text';

describe('htmlToText', () => {
  it('strips tags, drops script and style content, decodes entities and collapses whitespace', () => {
    const html =
      '<p>Caf&eacute;&nbsp;&amp; <b>bar</b></p>\n\n<script>alert("x")</script><style>p{color:red}</style><p>next&#8217;s</p>';
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

  it('drops control characters and replaces lone surrogates, which the database would refuse', () => {
    expect(htmlToText('nul\u0000 and bell\u0007 gone, form\ffeed a space')).toBe(
      'nul and bell gone, form feed a space',
    );
    expect(htmlToText('<p>half \ud83d emoji</p>')).toBe('half \ufffd emoji');
    expect(htmlToText('lone \ude00 low')).toBe('lone \ufffd low');
    expect(htmlToText('whole 😀 emoji')).toBe('whole 😀 emoji');
  });

  it('returns empty text for empty input', () => {
    expect(htmlToText(undefined)).toBe('');
    expect(htmlToText('<p> </p>')).toBe('');
  });

  it('drops nested and unclosed script content, and everything inside template, noscript and iframe', () => {
    expect(htmlToText('a<script><script>alert(1)</script></script>b')).toBe('ab');
    expect(htmlToText('<p>a</p><script>document.write("<p>x</p>")')).toBe('a');
    expect(htmlToText('a<template><p>hidden <b>x</b></p></template>b')).toBe('ab');
    expect(htmlToText('a<noscript><img src=x onerror=alert(1)>no js</noscript>b')).toBe('ab');
    expect(htmlToText('a<iframe><p>framed</p></iframe> b')).toBe('a b');
    expect(htmlToText('a<STYLE>p{}</STYLE><Script>x()</sCrIpT>b')).toBe('ab');
  });

  it('starts every call afresh, whatever the previous input left open', () => {
    expect(htmlToText('<script>x(')).toBe('');
    expect(htmlToText('<p>after</p>')).toBe('after');
    expect(htmlToText('<template><p>x')).toBe('');
    expect(htmlToText('<b>after</b>')).toBe('after');
  });

  it('drops comments, CDATA sections and processing instructions', () => {
    expect(htmlToText('a<!-- <script>x()</script> -->b')).toBe('ab');
    expect(htmlToText('a<![CDATA[<b>x</b>]]>b')).toBe('ab');
    expect(htmlToText('a<?php echo 1 ?>b<!DOCTYPE html>c')).toBe('abc');
  });

  it('never lets a tag through, however malformed', () => {
    expect(
      htmlToText('<b onclick="x()">bold</b> <img src="x" onerror="alert(1)"> <a href="javascript:x()">link</a>'),
    ).toBe('bold link');
    expect(htmlToText('a<b>b<i>c</b>d</i>e</p></div>')).toBe('abcde');
    expect(htmlToText('<img src="x" alt="<script>"')).toBe('');
    expect(htmlToText('x <div title=">">y</div')).toBe('x y');
    expect(htmlToText('<scr<script>ipt>alert(1)</script>')).toBe('ipt>alert(1)');
    expect(htmlToText('<svg><script>alert(1)</script></svg></script><script>x')).toBe('');
    expect(htmlToText('<p <p>>')).toBe('>');
    // Stray "<" and ">" are text (as a browser shows them); around a real tag they only look like one.
    expect(htmlToText('<<b>b>x<</b>/b>')).toBe('<b>x</b>');
  });

  it('decodes escaped markup to the literal characters: text, never parsed as tags', () => {
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
    expect(htmlToText('<p>&amp;lt;b&amp;gt;</p>')).toBe('&lt;b&gt;');
    expect(htmlToText('&#60;b&#x3E; &eacute;&hellip; &unknown; AT&T')).toBe('<b> é… &unknown; AT&T');
  });

  it('takes plain text through unchanged but for whitespace', () => {
    expect(htmlToText('  Plain\ttitle\n with  spaces ')).toBe('Plain title with spaces');
    expect(htmlToText('a > b')).toBe('a > b');
  });

  it('collapses every kind of whitespace run to one space, as \\s+ would', () => {
    // Plain spaces, tabs, newlines, no-break and ideographic spaces, line separators, BOM.
    const pieces = [
      'a',
      'bc',
      '中文',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\u00a0',
      '\u3000',
      '\u2028',
      '\ufeff',
      ' \u00a0 ',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + (n % 12) }, () => pieces[next()]).join('');
      expect({ text, out: htmlToText(text) }).toEqual({ text, out: text.replace(/\s+/g, ' ').trim() });
    }
  });
});
