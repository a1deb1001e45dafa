import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger, Optional } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, ErrorKind } from './app-error';
import { ERROR_PAGES, type ErrorPages } from './error-pages';

/** The one place a domain error becomes an HTTP status. */
const KIND_STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorBody {
  /** requestId: the id on this request's log lines and its X-Request-Id header, so a report can be matched to the log. */
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'not_ready',
};

/** Every error leaves in one shape; Prisma's P2002/P2025 become 409/404; no stack ever leaks. */
export function toErrorResponse(exception: unknown): { status: number; body: ErrorBody } {
  if (exception instanceof AppError) {
    return body(KIND_STATUS[exception.kind], exception.code, exception.message, exception.details);
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  const prismaCode = (exception as { code?: unknown })?.code;
  if (prismaCode === 'P2002') return body(409, 'conflict', 'a record with the same unique key already exists');
  if (prismaCode === 'P2025') return body(404, 'not_found', 'the record does not exist');
  const bodyParserType = (exception as { type?: unknown })?.type;
  if (bodyParserType === 'entity.too.large') return body(413, 'payload_too_large', 'request body too large');
  if (bodyParserType === 'entity.parse.failed') return body(400, 'invalid_json', 'request body is not valid JSON');
  return body(500, 'internal_error', 'internal error');
}

function fromHttpException(exception: HttpException): { status: number; body: ErrorBody } {
  const status = exception.getStatus();
  const response = exception.getResponse();
  let message = exception.message;
  let details: unknown;
  if (typeof response === 'object' && response !== null) {
    const raw = (response as { message?: unknown }).message;
    const failed = (response as { error?: unknown }).error;
    if (typeof failed === 'object' && failed !== null && raw === undefined) {
      // A terminus health check that failed: say which indicators are down and why.
      details = failed;
      message = `not ready: ${healthFailures(failed as Record<string, { message?: string }>)}`;
    } else if (Array.isArray(raw)) {
      details = raw;
      message = raw.join('; ');
    } else if (typeof raw === 'string') {
      message = raw;
    }
  }
  return body(status, STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'error'), message, details);
}

function healthFailures(failed: Record<string, { message?: string }>): string {
  return Object.entries(failed)
    .map(([key, result]) => `${key} ${result.message ?? 'down'}`)
    .join('; ');
}

function body(status: number, code: string, message: string, details?: unknown) {
  return { status, body: { error: { code, message, ...(details === undefined ? {} : { details }) } } };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /** `pages`: the web pages' renderer, so a browser that asked for a page gets one (absent in apps without pages). */
  constructor(@Optional() @Inject(ERROR_PAGES) private readonly pages?: ErrorPages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request & { id?: unknown }>();
    const { status, body } = toErrorResponse(exception);
    if (typeof req.id === 'string') body.error.requestId = req.id;
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    if (this.pages?.render(req, res, status, body)) return;
    res.status(status).json(body);
  }
}
