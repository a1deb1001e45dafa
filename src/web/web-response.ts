import type { Request, Response } from 'express';
import { isLang, LANG_COOKIE, Lang, pickLanguage } from './web-language';

/**
 * The pages' Content-Security-Policy: scripts and styles only from the app's own files (no inline
 * script, no style attributes), SVG is inline markup, digests are framed from the same origin.
 */
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const YEAR_SECONDS = 365 * 24 * 3600;

/** The page's language; a `?lang=` choice is remembered in a cookie for the next pages. */
export function pageLanguage(req: Request, res: Response): Lang {
  const query = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  const lang = pickLanguage({
    query,
    cookie: readCookie(req, LANG_COOKIE),
    acceptLanguage: req.headers['accept-language'],
  });
  if (isLang(query)) {
    res.cookie(LANG_COOKIE, lang, { maxAge: YEAR_SECONDS * 1000, sameSite: 'lax', path: '/', secure: req.secure });
  }
  return lang;
}

/** Public pages may be cached briefly and revalidated (Express adds the ETag); the desk never. */
export function sendPage(res: Response, html: string, cache: 'public' | 'private'): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Vary', 'Accept-Language, Cookie');
  res.setHeader('Cache-Control', cache === 'public' ? 'no-cache' : 'no-store');
  res.send(html);
}

/** One cookie from the Cookie header (no cookie-parser middleware: only the pages read cookies). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
