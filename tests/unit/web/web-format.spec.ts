import { pageHref, safeReturnPath } from '../../../src/web/web-href';
import { daysToHorizon, formatPercent, formatSigned, hostOf } from '../../../src/web/web-format';
import { intervalOf, readVerdictFields } from '../../../src/web/verdict-fields';

describe('page formatting', () => {
  it('counts whole days to a dated horizon, negative once it has passed, null for words', () => {
    const today = new Date('2026-12-02T17:00:00Z');
    expect(daysToHorizon('2026-12-12', today)).toBe(10);
    expect(daysToHorizon('2026-11-30', today)).toBe(-2);
    expect(daysToHorizon('2026-2027 (within 2-3 years of July 2024)', today)).toBeNull();
    expect(daysToHorizon(null, today)).toBeNull();
  });

  it('writes signs, percentages and hosts, and a dash for what is missing', () => {
    expect(formatSigned(0)).toBe('+0.00');
    expect(formatSigned(-0.125)).toBe('-0.13');
    expect(formatSigned(null)).toBe('—');
    expect(formatPercent(0.0123)).toBe('1.23%');
    expect(hostOf('https://www.example.com/a')).toBe('example.com');
    expect(hostOf('javascript:alert(1)')).toBeNull();
  });

  it('returns only to /review paths after a form', () => {
    expect(safeReturnPath('/review?view=list', '/review')).toBe('/review?view=list');
    expect(safeReturnPath('//evil.example/review', '/review')).toBe('/review');
    expect(safeReturnPath('https://evil.example/', '/review')).toBe('/review');
    expect(safeReturnPath('/reviewer-phish', '/review')).toBe('/review');
    expect(safeReturnPath(undefined, '/review')).toBe('/review');
  });

  it('builds links without empty parameters', () => {
    expect(pageHref('/review', { status: 'pending', trend: undefined, q: '', i: 2 })).toBe(
      '/review?status=pending&i=2',
    );
  });

  it('reads the verdict fields when present and treats wrong types as absent', () => {
    expect(readVerdictFields({ slug: 'x' })).toEqual({
      horizon: null,
      status: null,
      assessment: null,
      momentumTest: null,
    });
    const read = readVerdictFields({ horizon: '2027-07-01', status: 'on-track', assessment: { supportShare: 0.7 } });
    expect(read).toMatchObject({ horizon: '2027-07-01', status: 'on-track', assessment: { supportShare: 0.7 } });
    expect(readVerdictFields({ status: 3, assessment: 'no' })).toMatchObject({ status: null, assessment: null });
    expect(intervalOf({ lower: 1.3, upper: 2.5 })).toEqual([1.3, 2.5]);
    expect(intervalOf({ lower: 0.1 } as never)).toBeNull();
    expect(intervalOf(null)).toBeNull();
  });
});
