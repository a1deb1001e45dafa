import { acceptedRequestId } from '../../../src/common/request-id';

describe('acceptedRequestId', () => {
  it.each(['abc', 'f3b1c2d4-0000-4000-8000-000000000000', 'trace:1.2_x-y', 'a'.repeat(128)])('accepts %s', (id) => {
    expect(acceptedRequestId(id)).toBe(id);
  });

  it.each([
    ['empty', ''],
    ['over 128 characters', 'a'.repeat(129)],
    ['spaces', 'a b'],
    ['a line break', 'a\nb'],
    ['quotes and braces', 'a"}{'],
    ['non-ASCII', 'größe'],
    ['missing', undefined],
  ])('refuses %s', (_, id) => {
    expect(acceptedRequestId(id)).toBeNull();
  });

  it('takes the first of repeated headers', () => {
    expect(acceptedRequestId(['first', 'second'])).toBe('first');
  });
});
