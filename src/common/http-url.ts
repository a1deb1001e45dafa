/**
 * The one rule for every URL the service stores from outside (feed site links, article links,
 * OPML htmlUrl): http or https only, resolved against `base` when relative. A `javascript:` or
 * `data:` link stored once would be served in OPML, digests and the API forever after.
 */
export function httpUrl(raw: string | undefined | null, base?: string): URL | null {
  const text = raw?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}
