import { BadRequestException, ServiceUnavailableException } from '@nestjs/common';
import { AppError, foundOr404 } from '../../../src/common/app-error';
import { toErrorResponse } from '../../../src/common/error.filter';

describe('the error filter', () => {
  it.each([
    [AppError.badRequest('invalid_cursor', 'x'), 400],
    [new AppError('unauthenticated', 'unauthorized', 'x'), 401],
    [new AppError('forbidden', 'forbidden', 'x'), 403],
    [AppError.notFound('feed', 7), 404],
    [AppError.conflict('job_busy', 'x'), 409],
    [new AppError('rate_limited', 'rate_limited', 'x'), 429],
    [AppError.unavailable('shutting_down', 'x'), 503],
  ])('maps the domain error %p to HTTP %i with its own code', (error, status) => {
    expect(toErrorResponse(error)).toEqual({ status, body: { error: { code: error.code, message: error.message } } });
  });

  it('keeps the details a domain error carries', () => {
    const { body } = toErrorResponse(AppError.conflict('evidence_exists', 'exists', { evidenceId: 3 }));
    expect(body.error).toEqual({ code: 'evidence_exists', message: 'exists', details: { evidenceId: 3 } });
  });

  it('joins class-validator messages and keeps them as details', () => {
    const { status, body } = toErrorResponse(new BadRequestException(['a must be a string', 'b is required']));
    expect(status).toBe(400);
    expect(body.error).toEqual({
      code: 'bad_request',
      message: 'a must be a string; b is required',
      details: ['a must be a string', 'b is required'],
    });
  });

  it('says which health indicators are down', () => {
    const failed = { status: 'error', info: {}, error: { database: { status: 'down', message: 'unreachable' } } };
    const { status, body } = toErrorResponse(new ServiceUnavailableException(failed));
    expect(status).toBe(503);
    expect(body.error).toMatchObject({ code: 'not_ready', message: 'not ready: database unreachable' });
  });

  it('turns Prisma P2002 into 409 and anything unknown into a 500 without its message', () => {
    expect(toErrorResponse({ code: 'P2002' }).status).toBe(409);
    expect(toErrorResponse(new Error('secret detail'))).toEqual({
      status: 500,
      body: { error: { code: 'internal_error', message: 'internal error' } },
    });
  });
});

describe('foundOr404', () => {
  it('passes a found value through and turns null into a not_found error naming the key', () => {
    expect(foundOr404({ id: 1 }, 'feed', 1)).toEqual({ id: 1 });
    expect(() => foundOr404(null, 'feed', 9)).toThrow(
      expect.objectContaining({ kind: 'not_found', code: 'feed_not_found' }),
    );
  });
});
