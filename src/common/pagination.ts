import { AppError } from './app-error';
import { isId } from './id';
import { parseIsoDate } from './iso-date';

/** Every list answers `{ data, nextCursor }`; the cursor is opaque to clients. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/**
 * What each field of a cursor must hold: an id (int4), a finite number, an ISO date-time, or a
 * fixed string (the sort a cursor was issued for). A cursor is decoded only against its list's
 * shape, so a tampered one (valid base64 JSON with other types) is a 400, never a database error.
 */
export type CursorField = 'id' | 'number' | 'date' | { literal: string };
export type CursorShape = Record<string, CursorField>;
type FieldValue<F> = F extends 'id' | 'number' ? number : string;
export type CursorOf<S extends CursorShape> = { [K in keyof S]: FieldValue<S[K]> };

const INVALID = () => AppError.badRequest('invalid_cursor', 'cursor is not one this API issued');

export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function fieldOk(field: CursorField, value: unknown): boolean {
  if (field === 'id') return isId(value);
  if (field === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (field === 'date') return typeof value === 'string' && parseIsoDate(value) !== null;
  return value === field.literal;
}

/** null when no cursor was sent; the position when it matches `shape` exactly; else 400 invalid_cursor. */
export function decodeCursor<S extends CursorShape>(cursor: string | undefined, shape: S): CursorOf<S> | null {
  if (cursor === undefined || cursor === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw INVALID();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw INVALID();
  const record = value as Record<string, unknown>;
  const keys = Object.keys(shape);
  if (Object.keys(record).length !== keys.length) throw INVALID();
  for (const key of keys) if (!fieldOk(shape[key]!, record[key])) throw INVALID();
  return record as CursorOf<S>;
}

/** Fetch `limit + 1` rows; the extra one tells whether a next page exists. */
function toPage<Row, Out>(
  rows: Row[],
  limit: number,
  toCursor: (last: Row) => Record<string, string | number>,
  map: (row: Row) => Out,
): Page<Out> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { data: pageRows.map(map), nextCursor: hasMore && last ? encodeCursor(toCursor(last)) : null };
}

/** The one way a list endpoint pages: decode the cursor against its shape, fetch one row more than asked, cut. */
export async function paginate<S extends CursorShape, Row, Out>(request: {
  cursor: string | undefined;
  limit: number;
  shape: S;
  fetch: (after: CursorOf<S> | null, take: number) => Promise<Row[]>;
  position: (last: Row) => CursorOf<S>;
  view: (row: Row) => Out;
}): Promise<Page<Out>> {
  const after = decodeCursor(request.cursor, request.shape);
  const rows = await request.fetch(after, request.limit + 1);
  return toPage(rows, request.limit, request.position, request.view);
}

/** The cursor shape of lists ordered by id, newest first (most of them). */
export const ID_CURSOR = { id: 'id' } as const satisfies CursorShape;
