import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { AppError } from './app-error';

/**
 * The one date rule of the API: ISO 8601 calendar dates (`2024-03-01`) and date-times
 * (`2024-03-01T08:00:00Z`, `...+08:00`, fractions allowed), years 1900 to 9999. Compact forms
 * (`20240101`), week and ordinal dates, signed years and days that do not exist (`2024-02-30`)
 * are refused: JavaScript reads some of them differently from PostgreSQL, and the extremes of the
 * JavaScript range make work no request should cause.
 */
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

const CALENDAR = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The instant `raw` names, or null when it is not a date this API accepts. A date alone is 00:00 UTC. */
export function parseIsoDate(raw: string): Date | null {
  const m = CALENDAR.exec(raw);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return null;
  // A date-time without an offset is read as UTC, like a date alone: the API has no local time.
  const text = m[4] === undefined ? `${raw}T00:00:00Z` : m[7] === undefined ? `${raw}Z` : raw;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function dateRuleMessage(field: string, raw: unknown): string {
  return `${field} must be an ISO 8601 date (YYYY-MM-DD) or date-time, years ${MIN_YEAR}-${MAX_YEAR}, got "${String(raw)}"`;
}

/** parseIsoDate for a named parameter: a 400 naming it when the value is not a date we accept. */
export function requireIsoDate(raw: string, field: string): Date {
  const date = parseIsoDate(raw);
  if (!date) throw AppError.badRequest('invalid_date', dateRuleMessage(field, raw));
  return date;
}

/** class-validator form of the rule, for query and body DTOs. */
export function IsIsoDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: (args: ValidationArguments) => dateRuleMessage(args.property, args.value), ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && parseIsoDate(value) !== null },
    });
}
