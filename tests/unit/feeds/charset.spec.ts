import * as iconv from 'iconv-lite';
import { decodeFeedBytes } from '../../../src/feeds/charset';

function feedIn(charset: string, title: string, declared = charset): Buffer {
  return iconv.encode(
    `<?xml version="1.0" encoding="${declared}"?><rss><channel><title>${title}</title></channel></rss>`,
    charset,
  );
}

describe('decodeFeedBytes', () => {
  it.each([
    ['gbk', '人工智能新闻'],
    ['gb2312', '中文标题'],
    ['gb18030', '中文标题 𠀀'],
    ['big5', '人工智慧新聞'],
    ['euc-kr', '인공지능 뉴스'],
    ['shift_jis', '人工知能ニュース'],
    ['windows-1251', 'Новости искусственного интеллекта'],
    ['koi8-r', 'Пример ленты'],
    ['iso-8859-1', 'Café Frédéric naïve'],
  ])('decodes %s declared in the XML declaration', (charset, title) => {
    expect(decodeFeedBytes(feedIn(charset, title)).text).toContain(`<title>${title}</title>`);
  });

  it('lets the HTTP charset win over the XML declaration', () => {
    const bytes = feedIn('windows-1251', 'Привет', 'iso-8859-1');
    expect(decodeFeedBytes(bytes, 'text/xml; charset="windows-1251"')).toMatchObject({ source: 'http-header' });
    expect(decodeFeedBytes(bytes, 'text/xml; charset=windows-1251').text).toContain('Привет');
  });

  it('lets a BOM win over everything, UTF-16 LE and BE alike', () => {
    const xml = '<?xml version="1.0" encoding="iso-8859-1"?><rss><title>日本語</title></rss>';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(xml, 'utf-16be')]);
    expect(decodeFeedBytes(le, 'text/xml; charset=windows-1252')).toMatchObject({ charset: 'utf-16le', source: 'bom' });
    expect(decodeFeedBytes(le).text.startsWith('<?xml')).toBe(true);
    expect(decodeFeedBytes(be).text).toContain('日本語');
  });

  it('recognises BOM-less UTF-16 from the byte pattern of "<?"', () => {
    expect(decodeFeedBytes(iconv.encode('<?xml version="1.0" encoding="utf-16"?><rss/>', 'utf-16le')).text).toContain(
      '<rss/>',
    );
  });

  it('uses <meta charset> for HTML', () => {
    const html = iconv.encode(
      '<!DOCTYPE html><html><head><meta charset="windows-1251"><title>Тест</title></head></html>',
      'windows-1251',
    );
    expect(decodeFeedBytes(html)).toMatchObject({ source: 'html-meta' });
    expect(decodeFeedBytes(html).text).toContain('Тест');
  });

  it('falls back to UTF-8 for an unknown label without throwing', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="bogus-8"?><rss><title>naïve</title></rss>');
    expect(decodeFeedBytes(bytes, 'text/xml; charset=also-bogus')).toMatchObject({ charset: 'utf-8' });
    expect(decodeFeedBytes(bytes).text).toContain('naïve');
  });

  it('defaults to UTF-8, and reads bytes invalid as UTF-8 as windows-1252', () => {
    expect(decodeFeedBytes(Buffer.from('<rss><title>€ ünïcode</title></rss>')).text).toContain('€ ünïcode');
    expect(decodeFeedBytes(iconv.encode('<rss><title>Café “quoted”</title></rss>', 'windows-1252')).text).toContain(
      'Café “quoted”',
    );
  });

  it('trusts valid UTF-8 over a Latin-1 XML declaration (a common CMS template bug)', () => {
    expect(
      decodeFeedBytes(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><feed><title>Café</title></feed>')).text,
    ).toContain('Café');
  });
});
