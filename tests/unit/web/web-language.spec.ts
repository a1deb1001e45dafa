import { fromAcceptLanguage, pickLanguage, switchLanguageHref } from '../../../src/web/web-language';

describe('page language', () => {
  it('takes ?lang= first, then the cookie, then Accept-Language, then English', () => {
    expect(pickLanguage({ query: 'zh', cookie: 'en', acceptLanguage: 'en' })).toBe('zh');
    expect(pickLanguage({ query: 'fr', cookie: 'zh', acceptLanguage: 'en' })).toBe('zh');
    expect(pickLanguage({ acceptLanguage: 'zh-TW,zh;q=0.9' })).toBe('zh');
    expect(pickLanguage({ acceptLanguage: 'fr-FR,de' })).toBe('en');
    expect(pickLanguage({})).toBe('en');
  });

  it('weighs Accept-Language by q and ignores q=0', () => {
    expect(fromAcceptLanguage('en;q=0.4, zh-CN;q=0.8')).toBe('zh');
    expect(fromAcceptLanguage('zh;q=0, en-GB;q=0.3')).toBe('en');
    expect(fromAcceptLanguage('de, fr')).toBeNull();
  });

  it('keeps the path and the other query parameters when switching', () => {
    expect(switchLanguageHref('/trends/x?stance=supports&lang=en', 'zh')).toBe('/trends/x?stance=supports&lang=zh');
    expect(switchLanguageHref('/', 'en')).toBe('/?lang=en');
  });
});
