/** Public addresses of a digest, from PUBLIC_BASE_URL; used by the Atom feed, webhooks and email. */
export interface DigestLinks {
  html: string;
  md: string;
  json: string;
}

export function digestLinks(publicBaseUrl: string, id: number): DigestLinks {
  const json = `${trimSlash(publicBaseUrl)}/api/digests/${id}`;
  return { html: `${json}?format=html`, md: `${json}?format=md`, json };
}

export function atomFeedUrl(publicBaseUrl: string): string {
  return `${trimSlash(publicBaseUrl)}/digests.atom`;
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
