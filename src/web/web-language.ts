/**
 * Which language a page is shown in: `?lang=` when given (and then remembered in a cookie), else
 * the cookie, else the best of zh / en in Accept-Language, else English.
 */
export const LANGUAGES = ['zh', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const LANG_COOKIE = 'lang';

export interface LanguageSources {
  query?: string;
  cookie?: string;
  acceptLanguage?: string;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function pickLanguage(sources: LanguageSources): Lang {
  if (isLang(sources.query)) return sources.query;
  if (isLang(sources.cookie)) return sources.cookie;
  return fromAcceptLanguage(sources.acceptLanguage ?? '') ?? 'en';
}

/** The zh or en range with the highest q (ties: the first listed); null when neither is listed. */
export function fromAcceptLanguage(header: string): Lang | null {
  let best: { lang: Lang; q: number } | null = null;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = range.split('-')[0];
    if (!isLang(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (best === null || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? null;
}

/** The same path and query with `lang` set to `to`: the language switch on every page. */
export function switchLanguageHref(originalUrl: string, to: Lang): string {
  const url = new URL(originalUrl, 'http://page.invalid');
  url.searchParams.set('lang', to);
  return `${url.pathname}${url.search}`;
}
