import { applyDecorators, Injectable, PipeTransform, ArgumentMetadata } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min, ValidationOptions } from 'class-validator';
import { AppError } from './app-error';

/** Every id column is a PostgreSQL `integer` (int4): an id outside this range can name nothing. */
const MIN_ID = 1;
export const MAX_ID = 2_147_483_647;

/** True for a JavaScript number that can be an id of ours. */
export function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_ID && value <= MAX_ID;
}

/** Parses an id written in a URL (digits only, no sign, exponent or fraction); null when it is not one. */
export function parseId(raw: string): number | null {
  if (!/^\d{1,10}$/.test(raw)) return null;
  const value = Number(raw);
  return isId(value) ? value : null;
}

/** The pipe for ids in paths: `@Param('id', IdPipe)`. Anything else is a 400 naming the parameter. */
@Injectable()
export class IdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const id = parseId(String(value));
    if (id === null) {
      const name = metadata.data ?? 'id';
      throw AppError.badRequest('invalid_id', `${name} must be an integer from ${MIN_ID} to ${MAX_ID}, got "${value}"`);
    }
    return id;
  }
}

/** The same rule for ids in query strings and JSON bodies (`each` for arrays of ids). */
export function IsId(options: ValidationOptions = {}): PropertyDecorator {
  const message = (args: { property: string }) => `${args.property} must be an integer from ${MIN_ID} to ${MAX_ID}`;
  return applyDecorators(
    // Strict where a query string is read (no "1e3", " 12" or "0x10"); a JSON number stays as sent.
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (parseId(value) ?? value) : value)),
    IsInt({ ...options, message }),
    Min(MIN_ID, { ...options, message }),
    Max(MAX_ID, { ...options, message }),
  );
}
