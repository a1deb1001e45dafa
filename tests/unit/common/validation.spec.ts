import type { ArgumentMetadata } from '@nestjs/common';
import { validationPipe } from '../../../src/create-app';
import { AppError } from '../../../src/common/app-error';
import { CreateTokenDto } from '../../../src/auth/token.dto';
import { EvidenceQueryDto } from '../../../src/evidence/evidence-query.dto';
import { BulkReviewDto, ManualEvidenceDto, ReviewDto } from '../../../src/evidence/review.dto';
import { CreateFeedDto, UpdateFeedDto } from '../../../src/feeds/feed.dto';

/** The app's own ValidationPipe over the DTOs, without a database or an HTTP server. */
const pipe = validationPipe();

function check(metatype: ArgumentMetadata['metatype'], value: unknown, type: ArgumentMetadata['type'] = 'body') {
  return pipe.transform(value, { type, metatype });
}

async function refusal(
  metatype: ArgumentMetadata['metatype'],
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
) {
  const error: unknown = await check(metatype, value, type).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ kind: 'invalid', code: 'validation_failed' });
  return (error as AppError).message;
}

describe('request validation', () => {
  it('accepts a review and types it', async () => {
    await expect(check(ReviewDto, { decision: 'accept', stance: 'contradicts' })).resolves.toBeInstanceOf(ReviewDto);
  });

  it.each([
    [ReviewDto, { decision: 'maybe' }, /decision must be one of the following values: accept, reject/],
    [ReviewDto, { decision: 'accept', stance: 'neutral' }, /stance must be one of/],
    [ReviewDto, { decision: 'accept', extra: 1 }, /property extra should not exist/],
    [BulkReviewDto, { decision: 'accept', ids: [] }, /ids must contain at least 1 elements/],
    [BulkReviewDto, { decision: 'accept', ids: [1, 'two'] }, /ids must be an integer from 1 to 2147483647/],
    [BulkReviewDto, { decision: 'reject', ids: Array.from({ length: 501 }, (_, i) => i + 1) }, /no more than 500/],
    [ManualEvidenceDto, { url: 'ftp://x.example/a', title: 't', trend: '1', stance: 'supports' }, /url must be a URL/],
    [CreateTokenDto, { name: 'a\u0001b', role: 'admin' }, /name must not contain control characters/],
    [CreateTokenDto, { name: 'alice', role: 'root' }, /role must be one of/],
    [CreateFeedDto, { url: 42 }, /url must be a string/],
    [UpdateFeedDto, { paused: 'yes' }, /paused must be a boolean value/],
  ])('refuses an invalid %p body (case %#) with a message naming the field', async (dto, body, message) => {
    expect(await refusal(dto, body)).toMatch(message);
  });

  it('reads a manual piece of evidence filed under a prediction number as its key', async () => {
    const dto = await check(ManualEvidenceDto, {
      url: 'https://news.example/a',
      title: 'Robots',
      trend: 8,
      stance: 'supports',
    });
    expect(dto).toMatchObject({ trend: '8' });
  });

  it('converts query strings to their types and refuses what does not convert', async () => {
    await expect(check(EvidenceQueryDto, { feedId: '3', minScore: '1.5' }, 'query')).resolves.toMatchObject({
      feedId: 3,
      minScore: 1.5,
    });
    expect(await refusal(EvidenceQueryDto, { status: 'done' }, 'query')).toMatch(/status must be one of/);
    expect(await refusal(EvidenceQueryDto, { from: 'yesterday' }, 'query')).toMatch(/from must be an ISO 8601 date/);
  });
});
