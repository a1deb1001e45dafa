import { resolveWindow } from '../../../src/momentum/momentum-window';

const now = new Date('2026-12-03T12:00:00Z'); // a Thursday
const day = (d: Date) => d.toISOString().slice(0, 10);

describe('resolveWindow: the default window and imported history', () => {
  it('shows the usual 26 weeks (and the running one) when nothing was imported', () => {
    const window = resolveWindow({}, now);
    expect(window.periods).toHaveLength(27);
    expect(day(window.periods[0]!.start)).toBe('2026-06-01');
  });

  it('starts at the week of the oldest imported article when that is earlier', () => {
    const window = resolveWindow({}, now, new Date('2024-07-10T08:00:00Z'));
    expect(day(window.periods[0]!.start)).toBe('2024-07-08');
    expect(day(window.periods.at(-1)!.start)).toBe('2026-11-30');
    // Warm-up periods still come before the first shown one.
    expect(window.warmup.at(-1)!.end).toEqual(window.periods[0]!.start);
  });

  it('keeps the usual window when the history is more recent than it', () => {
    expect(resolveWindow({}, now, new Date('2026-11-01T00:00:00Z')).periods).toHaveLength(27);
  });

  it('never lets history make the default longer than the period limit', () => {
    const days = resolveWindow({ interval: 'day' }, now, new Date('1990-01-01T00:00:00Z'));
    expect(days.periods).toHaveLength(1000);
    expect(day(days.periods.at(-1)!.start)).toBe('2026-12-03');
    const weeks = resolveWindow({ interval: 'week', to: '2026-11-30' }, now, new Date('1990-01-01T00:00:00Z'));
    expect(weeks.periods).toHaveLength(1000);
  });

  it('leaves an explicit from alone', () => {
    const window = resolveWindow({ from: '2026-10-01' }, now, new Date('2024-07-10T00:00:00Z'));
    expect(day(window.periods[0]!.start)).toBe('2026-09-28');
  });

  it('measures the usual window back from asOf, so history inside it changes nothing', () => {
    const window = resolveWindow({ asOf: '2024-09-01' }, now, new Date('2024-07-10T00:00:00Z'));
    expect(day(window.periods[0]!.start)).toBe('2024-02-26');
    const later = resolveWindow({ asOf: '2026-01-01' }, now, new Date('2024-07-10T00:00:00Z'));
    expect(day(later.periods[0]!.start)).toBe('2024-07-08');
  });
});
