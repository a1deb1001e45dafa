import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ErrorPages } from '../common/error-pages';
import type { ErrorBody } from '../common/error.filter';
import { errorHeading, wantsErrorPage } from './error-page';
import { pageLanguage, sendPage } from './web-response';
import { WebViews } from './web-views';

/**
 * Errors as pages for browsers: a person who follows a stale link or mistypes a filter sees the
 * site's layout with what is wrong, in their language, and the request id to quote; the status
 * is the API's, and the message is escaped like every value a template writes.
 */
@Injectable()
export class ErrorPageService implements ErrorPages {
  constructor(private readonly views: WebViews) {}

  render(req: Request, res: Response, status: number, body: ErrorBody): boolean {
    if (!wantsErrorPage(req.method, req.path, req.headers.accept)) return false;
    const lang = pageLanguage(req, res);
    const frame = this.views.frame(lang, req.originalUrl, (t) => t(errorHeading(status)), null);
    const html = this.views.render('error', frame, {
      heading: frame.title,
      message: body.error.message,
      requestId: body.error.requestId ?? null,
    });
    res.status(status);
    sendPage(res, html, 'private');
    return true;
  }
}
