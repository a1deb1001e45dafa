/**
 * What went wrong, in domain terms. Services, jobs and the CLI throw these; only the error filter
 * (error.filter.ts) turns a kind into an HTTP status, so a job or a command never speaks HTTP.
 */
export type ErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable';

/**
 * An error with a stable string `code` that clients may branch on (the API reports it as
 * `{ error: { code, message } }`); messages are for people.
 */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static notFound(what: string, key: string | number): AppError {
    return new AppError('not_found', `${what}_not_found`, `no ${what} "${key}"`);
  }

  static badRequest(code: string, message: string, details?: unknown): AppError {
    return new AppError('invalid', code, message, details);
  }

  static conflict(code: string, message: string, details?: unknown): AppError {
    return new AppError('conflict', code, message, details);
  }

  static unavailable(code: string, message: string): AppError {
    return new AppError('unavailable', code, message);
  }
}

/** Throws AppError.notFound when a lookup found nothing; the value otherwise. */
export function foundOr404<T>(value: T | null | undefined, what: string, key: string | number): T {
  if (value === null || value === undefined) throw AppError.notFound(what, key);
  return value;
}
