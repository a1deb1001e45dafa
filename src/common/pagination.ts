import { AppError } from './app-error';

/** Every list answers `{ data, nextCursor }`; the cursor is opaque to clients. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(
  cursor: string | undefined,
  keys: (keyof T)[],
): T | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && keys.every((k) => k in value)) return value as T;
  } catch {
    // fall through to the error below
  }
  throw AppError.badRequest('invalid_cursor', 'cursor is not one this API issued');
}

/** Fetch `limit + 1` rows; the extra one tells whether a next page exists. */
export function toPage<Row, Out>(
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
