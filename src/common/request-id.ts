import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID_HEADER = 'x-request-id';

/** Long enough for a UUID, a trace id or a proxy's composite id; short enough to keep log lines small. */
const MAX_LENGTH = 128;
/** Letters, digits and a few separators: nothing that could break a log line, a header or a terminal. */
const SAFE_ID = /^[A-Za-z0-9._:-]+$/;

/** The caller's X-Request-Id when it is one we can safely log and echo; null otherwise. */
export function acceptedRequestId(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.length === 0 || value.length > MAX_LENGTH) return null;
  return SAFE_ID.test(value) ? value : null;
}

type RequestWithId = IncomingMessage & { id?: unknown };

/**
 * Gives the request its id once (the caller's if acceptable, else a new UUID) and echoes it in the
 * X-Request-Id response header. Runs first, before body parsing, so even a request refused by the
 * body parser has an id in its error body; pino-http uses it as its genReqId, so every log line
 * of the request carries the same id.
 */
export function assignRequestId(req: RequestWithId, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const id = acceptedRequestId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
  req.id = id;
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}

/** Express-style middleware form of assignRequestId. */
export function requestIdMiddleware(req: RequestWithId, res: ServerResponse, next: () => void): void {
  assignRequestId(req, res);
  next();
}
