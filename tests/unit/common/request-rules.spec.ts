import { clientKey } from '../../../src/auth/auth-failure-throttle';
import { AppError } from '../../../src/common/app-error';
import { MAX_ID, parseId } from '../../../src/common/id';
import { parseIsoDate } from '../../../src/common/iso-date';
import { decodeCursor, encodeCursor } from '../../../src/common/pagination';
import { bodyProblem } from '../../../src/common/request-hygiene';
import { resolveWindow } from '../../../src/momentum/momentum-window';

describe('parseId', () => {
  it('reads digits from 1 to 2147483647 only', () => {
    expect(parseId('1')).toBe(1);
    expect(parseId(String(MAX_ID))).toBe(MAX_ID);
    for (const bad of ['0', '2147483648', '99999999999', '-1', '1.5', '1e3', ' 7', '0x10', '']) {
      expect(parseId(bad)).toBeNull();
    }
  });
});

describe('parseIsoDate', () => {
  it('reads calendar dates and date-times, a date alone and a time without offset as UTC', () => {
    expect(parseIsoDate('2024-03-01')?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(parseIsoDate('2024-03-01T08:30')?.toISOString()).toBe('2024-03-01T08:30:00.000Z');
    expect(parseIsoDate('2024-03-01T08:30:00.123+08:00')?.toISOString()).toBe('2024-03-01T00:30:00.123Z');
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
  });

  it.each([
    '20240101',
    '2024-W01-1',
    '2024-001',
    '0000-01-01',
    '1899-12-31',
    '-100000-01-01',
    '+275760-09-13T00:00:00.000Z',
    '2023-02-29',
    '2024-04-31',
    '2024-01-01T24:00',
    '2024-01-01T10:00+0800',
    'yesterday',
  ])('refuses %s', (raw) => {
    expect(parseIsoDate(raw)).toBeNull();
  });
});

describe('decodeCursor', () => {
  const issued = encodeCursor({ s: 'score', v: 0.5, id: 7 });
  const shape = { s: { literal: 'score' }, v: 'number', id: 'id' } as const;

  it('gives back what encodeCursor wrote, and null for no cursor', () => {
    expect(decodeCursor(issued, shape)).toEqual({ s: 'score', v: 0.5, id: 7 });
    expect(decodeCursor(undefined, shape)).toBeNull();
  });

  it.each([
    ['wrong types', encodeCursor({ s: 'score', v: 'x', id: '7' })],
    ['an id beyond int4', encodeCursor({ s: 'score', v: 1, id: 2147483648 })],
    ['another sort', encodeCursor({ s: 'date', v: 1, id: 7 })],
    ['an extra field', encodeCursor({ s: 'score', v: 1, id: 7, x: 1 })],
    ['a JSON array', Buffer.from('[1]').toString('base64url')],
    ['not JSON', 'bm90IGpzb24'],
  ])('refuses a cursor with %s as 400 invalid_cursor', (_what, cursor) => {
    expect(() => decodeCursor(cursor, shape)).toThrow(expect.objectContaining({ code: 'invalid_cursor' }) as AppError);
  });
});

describe('bodyProblem', () => {
  it('finds NUL in strings and keys at any depth, and nesting beyond the limit, without recursing', () => {
    expect(bodyProblem({ a: [{ b: 'fine' }] })).toBeNull();
    expect(bodyProblem({ a: [{ b: 'x\u0000' }] })).toBe('nul');
    expect(bodyProblem({ 'k\u0000': 1 })).toBe('nul');
    expect(bodyProblem('text\u0000')).toBe('nul');
    expect(bodyProblem(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toBe('too_deep');
    expect(bodyProblem(JSON.parse('['.repeat(32) + ']'.repeat(32)))).toBeNull();
  });
});

describe('resolveWindow sizes the window before building periods', () => {
  it('refuses a window of millions of days at once', () => {
    const started = performance.now();
    expect(() => resolveWindow({ interval: 'day', from: '1900-01-01', to: '9999-12-31' }, new Date())).toThrow(
      /at most 1000 periods/,
    );
    expect(performance.now() - started).toBeLessThan(20);
  });

  it('still builds the largest window allowed (1000 months)', () => {
    const window = resolveWindow({ interval: 'month', from: '1940-01-01', to: '2023-05-01' }, new Date());
    expect(window.periods).toHaveLength(1000);
  });
});

describe('clientKey (failed-token throttling)', () => {
  it('counts an IPv4 address, its IPv4-mapped IPv6 form as the same client, and an IPv6 /64 as one client', () => {
    expect(clientKey('127.0.0.1')).toBe(clientKey('::ffff:127.0.0.1'));
    expect(clientKey('2001:db8:1:2::1')).toBe(clientKey('2001:db8:1:2:ffff::9'));
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
    expect(clientKey('10.0.0.1')).not.toBe(clientKey('10.0.0.2'));
  });
});
