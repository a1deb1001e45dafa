import { Body, Controller, Get, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppError } from '../common/app-error';
import { IdPipe } from '../common/id';
import { EvidenceService } from '../evidence/evidence.service';
import { ReviewService } from '../evidence/review.service';
import { TrendService } from '../trends/trend.service';
import { DecisionForm, SignInForm, SignOutForm, UndoForm } from './review-form.dto';
import { reviewQueuePage } from './review-page.model';
import { pageHref, safeReturnPath } from './web-href';
import { PageLangQuery, ReviewPageQuery } from './web-query.dto';
import { newSecret, tokensMatch } from './session-secrets';
import { SignInThrottle } from './sign-in-throttle';
import { pageLanguage, readCookie, sendPage } from './web-response';
import { OpenSession, WebSessionService } from './web-session.service';
import { WebViews } from './web-views';

const SESSION_COOKIE = 'sc_session';
const SIGN_IN_COOKIE = 'sc_signin';
const QUEUE_PAGE = 50;

/**
 * The reviewer's desk. Signed out, /review is the sign-in form; signed in, the queue. Every read
 * and decision goes through EvidenceService and ReviewService, as the admin API's do, with the
 * session's principal as the actor. Forms carry a CSRF token and answer 303 back to the queue.
 */
@ApiExcludeController()
@Controller('review')
export class ReviewDeskController {
  constructor(
    private readonly sessions: WebSessionService,
    private readonly throttle: SignInThrottle,
    private readonly evidence: EvidenceService,
    private readonly reviews: ReviewService,
    private readonly trends: TrendService,
    private readonly views: WebViews,
  ) {}

  @Get()
  async desk(@Query() query: ReviewPageQuery, @Req() req: Request, @Res() res: Response) {
    const session = await this.session(req);
    if (!session) return this.signInPage(req, res, HttpStatus.OK, null);
    const lang = pageLanguage(req, res);
    const frame = this.views.frame(lang, req.originalUrl, (t) => t('review.title'), 'review');
    const { lang: _lang, view = 'one', i = 0, done, ...filters } = query;
    const [queue, trends] = await Promise.all([
      this.evidence.queue({ ...filters, limit: filters.limit ?? QUEUE_PAGE }),
      this.trends.list(),
    ]);
    const current = view === 'one' ? queue.data[Math.min(i, Math.max(0, queue.data.length - 1))] : undefined;
    const audit = current ? (await this.reviews.auditLog({ evidenceId: current.id, limit: 20 })).data : [];
    const model = reviewQueuePage(
      { queue, trends, filters, view, index: i, done, audit, back: req.originalUrl },
      frame.t,
    );
    sendPage(res, this.views.render('review', frame, { ...model, session }), 'private');
  }

  @Get('evidence/:id')
  async item(@Param('id', IdPipe) id: number, @Query() _q: PageLangQuery, @Req() req: Request, @Res() res: Response) {
    const session = await this.session(req);
    if (!session) return this.signInPage(req, res, HttpStatus.OK, null);
    const lang = pageLanguage(req, res);
    const frame = this.views.frame(lang, req.originalUrl, (t) => `#${id} · ${t('review.details')}`, 'review');
    const [item, audit] = await Promise.all([
      this.evidence.get(id),
      this.reviews.auditLog({ evidenceId: id, limit: 200 }),
    ]);
    sendPage(res, this.views.render('review-item', frame, { item, audit: audit.data, session }), 'private');
  }

  @Post('sign-in')
  async signIn(@Body() form: SignInForm, @Req() req: Request, @Res() res: Response) {
    if (!tokensMatch(readCookie(req, SIGN_IN_COOKIE) ?? '', form._csrf)) throw csrfRefused();
    const wait = await this.throttle.hit(req.ip ?? 'unknown');
    if (wait !== null) {
      res.setHeader('Retry-After', String(wait));
      return this.signInPage(req, res, HttpStatus.TOO_MANY_REQUESTS, { key: 'review.throttled', seconds: wait });
    }
    const opened = await this.sessions.signIn(form.token);
    if (!opened) return this.signInPage(req, res, HttpStatus.UNAUTHORIZED, { key: 'review.signInFailed' });
    res.clearCookie(SIGN_IN_COOKIE, { path: '/review' });
    res.cookie(SESSION_COOKIE, opened.secret, { ...cookieOptions(req), maxAge: opened.maxAgeSeconds * 1000 });
    res.redirect(HttpStatus.SEE_OTHER, '/review');
  }

  @Post('sign-out')
  async signOut(@Body() form: SignOutForm, @Req() req: Request, @Res() res: Response) {
    await this.requireSession(req, form._csrf);
    await this.sessions.signOut(readCookie(req, SESSION_COOKIE));
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.redirect(HttpStatus.SEE_OTHER, '/review');
  }

  @Post('decide')
  async decide(@Body() form: DecisionForm, @Req() req: Request, @Res() res: Response) {
    const { principal } = await this.requireSession(req, form._csrf);
    const body = { decision: form.decision, stance: form.stance, note: form.note?.trim() || undefined };
    let done: string;
    if (form.ids.length === 1) {
      await this.reviews.review(form.ids[0]!, body, principal);
      done = String(form.ids[0]);
    } else {
      const result = await this.reviews.reviewMany({ ...body, ids: form.ids }, principal);
      done = `n${result.updated}`;
    }
    res.redirect(HttpStatus.SEE_OTHER, withDone(form.back, done));
  }

  @Post('undo')
  async undo(@Body() form: UndoForm, @Req() req: Request, @Res() res: Response) {
    const { principal } = await this.requireSession(req, form._csrf);
    await this.reviews.undoLast(form.id, principal);
    res.redirect(HttpStatus.SEE_OTHER, withDone(form.back, `u${form.id}`));
  }

  private session(req: Request): Promise<OpenSession | null> {
    return this.sessions.resolve(readCookie(req, SESSION_COOKIE));
  }

  /** A form is refused unless it comes from a live session and carries that session's token. */
  private async requireSession(req: Request, csrf: string): Promise<OpenSession> {
    const session = await this.session(req);
    if (!session) throw new AppError('unauthenticated', 'unauthorized', 'sign in at /review first');
    if (!tokensMatch(session.csrfToken, csrf)) throw csrfRefused();
    return session;
  }

  /** The sign-in form, with a fresh double-submit CSRF token in a cookie and in the form. */
  private signInPage(req: Request, res: Response, status: HttpStatus, error: { key: string; seconds?: number } | null) {
    const lang = pageLanguage(req, res);
    const frame = this.views.frame(lang, req.originalUrl, (t) => t('review.signIn'), 'review');
    const csrf = newSecret();
    res.cookie(SIGN_IN_COOKIE, csrf, { ...cookieOptions(req), path: '/review', maxAge: 3600_000 });
    const message = error ? frame.t(error.key as never, { seconds: error.seconds ?? 0 }) : null;
    res.status(status);
    sendPage(res, this.views.render('sign-in', frame, { csrf, message }), 'private');
  }
}

/** HttpOnly, SameSite=Strict, and Secure when the request came over TLS (directly or via a trusted proxy). */
function cookieOptions(req: Request) {
  return { httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: '/' };
}

function csrfRefused(): AppError {
  return new AppError('forbidden', 'csrf_failed', 'the form is missing its CSRF token or it does not match');
}

function withDone(back: string | undefined, done: string): string {
  const path = safeReturnPath(back, '/review');
  const url = new URL(path, 'http://desk.invalid');
  url.searchParams.set('done', done);
  return pageHref(url.pathname, Object.fromEntries(url.searchParams));
}
