import { addCounts, importRates, zeroCounts } from '../../../src/imports/import-progress';
import { addressPolicy } from '../../../src/feeds/ssrf-guard';

describe('importRates', () => {
  it('counts rows per second since the session began and estimates the rest from bytes', () => {
    const counts = { ...zeroCounts(), read: 3000, bytesDone: 600 };
    const session = { at: new Date('2026-01-01T00:00:00Z'), read: 1000, bytesDone: 200 };
    const rates = importRates(counts, session, 1000, new Date('2026-01-01T00:00:10Z'));
    expect(rates).toEqual({ rowsPerSecond: 200, fraction: 0.6, etaSeconds: 10 });
  });

  it('gives no ETA when the size is unknown', () => {
    expect(
      importRates(zeroCounts(), { at: new Date(0), read: 0, bytesDone: 0 }, null, new Date(1000)).etaSeconds,
    ).toBeNull();
  });

  it('adds counts field by field', () => {
    expect(addCounts({ ...zeroCounts(), stored: 2 }, { stored: 3, refused: 1 })).toMatchObject({
      stored: 5,
      refused: 1,
      read: 0,
    });
  });
});

describe('addressPolicy (FEED_ALLOWED_NETWORKS)', () => {
  it('allows public addresses and the listed ranges only', () => {
    const allowed = addressPolicy(['127.0.0.0/8']);
    expect(allowed('93.184.216.34')).toBe(true);
    expect(allowed('127.0.0.1')).toBe(true);
    expect(allowed('::ffff:127.0.0.1')).toBe(true);
    expect(allowed('10.0.0.1')).toBe(false);
    expect(allowed('192.168.1.1')).toBe(false);
    expect(allowed('::1')).toBe(false);
    expect(addressPolicy([])('127.0.0.1')).toBe(false);
  });
});
