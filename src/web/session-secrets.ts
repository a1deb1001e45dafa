/**
 * Session and CSRF secrets. The session cookie holds 32 random bytes; the database keeps only
 * their SHA-256 (as for API tokens, the secret is random, so no slow hash is needed). The CSRF
 * token of a signed-in form is an HMAC of the session secret: bound to the session, nothing to
 * store, and unknown to a page on another origin. Pure functions.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashToken } from '../auth/token-hash';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionHash(secret: string): string {
  return hashToken(secret);
}

export function csrfTokenFor(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('csrf:review-desk').digest('base64url');
}

/** Constant time; false for a missing or malformed token. */
export function tokensMatch(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
