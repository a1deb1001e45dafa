import type { Request, Response } from 'express';
import type { ErrorBody } from './error.filter';

/**
 * A feature that can show an error as a page instead of the API's JSON body (the web pages do):
 * the error filter asks it first. `common/` defines the seam so it imports nothing from features.
 */
export const ERROR_PAGES = Symbol('ERROR_PAGES');

export interface ErrorPages {
  /** Writes the error as a page and answers true when this request is a browser's for a page; else false. */
  render(req: Request, res: Response, status: number, body: ErrorBody): boolean;
}
