import { HttpStatus } from '@nestjs/common';

/**
 * An error the API reports as `{ error: { code, message } }`. Codes are stable strings that
 * clients may branch on; messages are for people.
 */
export class AppError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static notFound(what: string, key: string | number): AppError {
    return new AppError(HttpStatus.NOT_FOUND, `${what}_not_found`, `no ${what} "${key}"`);
  }

  static badRequest(code: string, message: string, details?: unknown): AppError {
    return new AppError(HttpStatus.BAD_REQUEST, code, message, details);
  }

  static conflict(code: string, message: string): AppError {
    return new AppError(HttpStatus.CONFLICT, code, message);
  }
}
