/** A prediction is addressed by its slug or by its number ("3"): one or two digits is a number. */
export function parseTrendKey(key: string): { number: number } | { slug: string } {
  return /^\d{1,2}$/.test(key) ? { number: Number(key) } : { slug: key };
}
