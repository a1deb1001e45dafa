import type { MessageKey } from './web-messages';

/**
 * Whether an error answer should be a page: a browser's request (it accepts text/html) for
 * something other than the API, health, metrics or an asset. API clients keep the JSON body.
 */
export function wantsErrorPage(method: string, path: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return false;
  if (/^\/(api|health|metrics|assets)(\/|$)/.test(path)) return false;
  return /\btext\/html\b/i.test(accept ?? '');
}

/** The page's heading for an HTTP status. */
export function errorHeading(status: number): MessageKey {
  if (status === 404) return 'error.notFound';
  if (status === 401 || status === 403) return 'error.notAllowed';
  if (status === 429) return 'error.tooMany';
  if (status >= 500) return 'error.server';
  return 'error.title';
}
