/** A page link with its query; undefined and empty values are left out, so links stay short. */
export function pageHref(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Only same-site paths under `prefix` may be a place to return to after a form (no open redirect). */
export function safeReturnPath(raw: unknown, prefix: string): string {
  if (typeof raw !== 'string') return prefix;
  if (!raw.startsWith(prefix) || raw.startsWith('//') || raw.includes('\\') || /[\r\n]/.test(raw)) return prefix;
  const rest = raw.slice(prefix.length);
  return rest === '' || rest.startsWith('?') || rest.startsWith('/') ? raw : prefix;
}
