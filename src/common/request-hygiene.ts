import type { NextFunction, Request, Response } from 'express';
import { AppError } from './app-error';

/**
 * Input no route can use, refused once for all routes before any of them sees it: PostgreSQL
 * refuses NUL (U+0000) in text, so a NUL in a path, a query string or a body string would reach
 * the database as a 500; and a JSON body nested deeper than any of our bodies makes the validators
 * (which recurse) overflow the stack. Both checks walk iteratively, so neither can overflow itself.
 */
const MAX_JSON_DEPTH = 32;

const NUL_IN_URL = /%00|\u0000/i;

export type BodyProblem = 'too_deep' | 'nul' | null;

/** What is wrong with a parsed body, if anything: too deeply nested, or a NUL in a key or string. */
export function bodyProblem(body: unknown, maxDepth = MAX_JSON_DEPTH): BodyProblem {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'nul';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) return 'too_deep';
    const entries = Array.isArray(value) ? value : Object.values(value);
    if (!Array.isArray(value) && Object.keys(value).some((k) => k.includes('\u0000'))) return 'nul';
    for (const child of entries) stack.push({ value: child, depth: depth + 1 });
  }
  return null;
}

const nulError = (where: string) =>
  AppError.badRequest('invalid_characters', `the NUL character (U+0000) is not allowed in ${where}`);

/** Before the body parsers: the path and query string. */
export function refuseNulInUrl(req: Request, _res: Response, next: NextFunction): void {
  next(NUL_IN_URL.test(req.originalUrl ?? req.url) ? nulError('paths or query strings') : undefined);
}

/** After the body parsers: the parsed JSON (or text) body. */
export function refuseUnusableBody(req: Request, _res: Response, next: NextFunction): void {
  const problem = bodyProblem(req.body);
  if (problem === 'nul') return next(nulError('request bodies'));
  if (problem === 'too_deep') {
    return next(
      AppError.badRequest('body_too_deep', `request bodies may nest objects and arrays at most ${MAX_JSON_DEPTH} deep`),
    );
  }
  next();
}
