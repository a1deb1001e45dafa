/** Canonical form of article URLs, so the same story reached through tracking links is stored once. */

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'spm',
  'ref',
  'ref_src',
  '_hsenc',
  '_hsmi',
  'yclid',
]);
const TRACKING_PREFIXES = ['utm_'];

/**
 * `from` and `source` are real parameters on some sites (search filters, API args), so they are
 * only dropped when their value looks like a campaign tag: rss, feed, newsletter, twitter, ...
 */
const TRACKING_SOURCE_PARAMS = new Set(['from', 'source']);
const TRACKING_SOURCE_VALUE =
  /^(?:rss|rss\d*|feed|feeds|feedburner|newsletter|email|e-?mail|twitter|facebook|fb|social|share|linkedin|telegram|whatsapp|homepage|home|hp)(?:[-_].*)?$/i;

function isTrackingParam(name: string, value: string): boolean {
  const lowered = name.toLowerCase();
  if (TRACKING_PARAMS.has(lowered)) return true;
  if (TRACKING_PREFIXES.some((prefix) => lowered.startsWith(prefix))) return true;
  return TRACKING_SOURCE_PARAMS.has(lowered) && TRACKING_SOURCE_VALUE.test(value);
}

/**
 * Lowercases scheme and host (the URL parser does), drops the default port, fragment, tracking
 * parameters and a lone "/" path, and sorts the remaining parameters. Null for non-http(s) or junk.
 */
export function normaliseUrl(rawUrl: string | null | undefined, baseUrl?: string): string | null {
  if (!rawUrl) return null;
  let url: URL;
  try {
    url = new URL(rawUrl.trim(), baseUrl);
  } catch {
    return null;
  }
  return normaliseParsedUrl(url);
}

/**
 * normaliseUrl for a URL already parsed (it is changed in place), so a caller that needs both the
 * link and its canonical form parses it once. Each URL setter re-serialises the whole href, so
 * parts that are already absent are left alone.
 */
export function normaliseParsedUrl(url: URL): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // "#" and "?" with nothing after them leave hash/search empty but still print: test the href.
  if (url.href.includes('#')) url.hash = '';
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
  }
  if (url.search) {
    const kept = [...url.searchParams].filter(([name, value]) => !isTrackingParam(name, value));
    kept.sort(([a, aValue], [b, bValue]) => (a === b ? compare(aValue, bValue) : compare(a, b)));
    url.search = new URLSearchParams(kept).toString();
  } else if (url.href.includes('?')) {
    url.search = '';
  }
  const text = url.href;
  // "https://host/" and "https://host" are the same page; WHATWG URL always prints the slash.
  return url.pathname === '/' && !url.search ? text.replace(/\/$/, '') : text;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
