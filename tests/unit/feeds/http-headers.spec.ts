import { parseCacheControlMaxAge, parseHttpDate, parseRetryAfter } from '../../../src/feeds/http-headers';

describe('HTTP cache and back-off headers', () => {
  const now = new Date('2024-01-01T00:00:00Z');

  it.each([
    ['public, max-age=600', 600],
    ['max-age=60, s-maxage=300', 300],
    ['no-cache', 0],
    ['private', undefined],
    [undefined, undefined],
  ])('Cache-Control %j gives %j', (header, expected) => {
    expect(parseCacheControlMaxAge(header)).toBe(expected);
  });

  it.each([
    ['120', 120],
    ['Mon, 01 Jan 2024 00:10:00 GMT', 600],
    ['Sun, 31 Dec 2023 00:00:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
  ])('Retry-After %j gives %j seconds', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it('reads Expires and ignores garbage', () => {
    expect(parseHttpDate('Wed, 03 Jan 2024 10:00:00 GMT')?.toISOString()).toBe('2024-01-03T10:00:00.000Z');
    expect(parseHttpDate('0')).toBeUndefined();
  });
});
