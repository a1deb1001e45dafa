import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * After an import, the default momentum answer (no from=) and the prediction's page reach back to
 * the oldest imported week, and the imported evidence shows in those weeks. The same URLs are read
 * before the import, so an answer kept by the read cache would show here as the old 27 weeks.
 */
const MOMENTUM = '/api/trends/compute-clusters/momentum';

describe('imported history in the default momentum window', () => {
  let t: TestApp;
  const importDir = mkdtempSync(join(tmpdir(), 'import-history-'));

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_DIR: importDir });
    const rows = [
      ['2024-07-10', 'xAI Colossus adds 100,000 Nvidia H100 GPUs for training'],
      ['2024-07-17', 'Meta builds a 24,000 GPU training cluster for Llama'],
      ['2024-07-18', 'Nvidia GPU training cluster grows to 100,000 H100 accelerators'],
      ['2024-07-19', 'Harbour festival draws record crowds'],
    ];
    writeFileSync(
      join(importDir, 'history.jsonl'),
      rows
        .map(([day, title], i) =>
          JSON.stringify({ title, url: `https://history.example/${i}`, published: `${day}T12:00:00Z`, source: 'Wire' }),
        )
        .join('\n'),
    );
  });
  afterAll(() => t.close());

  async function importHistory(): Promise<void> {
    const started = await api(t.baseUrl, '/api/admin/imports', { method: 'POST', body: { location: 'history.jsonl' } });
    expect(started.status).toBe(202);
    for (let i = 0; i < 200; i++) {
      const { body } = await api(t.baseUrl, `/api/admin/imports/${started.body.id}`);
      if (body.status !== 'running') {
        expect(body).toMatchObject({ status: 'succeeded', counts: { stored: 4, evidence: 3 } });
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import still running');
  }

  it('starts the weekly series at the oldest imported week, with the imported evidence in it', async () => {
    const before = await api(t.baseUrl, MOMENTUM, { token: null });
    expect(before.body.series).toHaveLength(27);
    const pageBefore = await fetch(`${t.baseUrl}/trends/compute-clusters`).then((r) => r.text());
    expect(pageBefore).not.toContain('2024-07-08');

    await importHistory();

    const after = await api(t.baseUrl, MOMENTUM, { token: null });
    const series = after.body.series as { periodStart: string; evidence: number; share: number }[];
    expect(series[0]!.periodStart.slice(0, 10)).toBe('2024-07-08');
    expect(series.slice(0, 3).map((p) => [p.periodStart.slice(0, 10), p.evidence])).toEqual([
      ['2024-07-08', 1],
      ['2024-07-15', 2],
      ['2024-07-22', 0],
    ]);
    expect(series[1]!.share).toBeGreaterThan(0);
    // Every week from then to now: no gap, the running week last.
    const weekMs = 7 * 86_400_000;
    for (let i = 1; i < series.length; i++)
      expect(Date.parse(series[i]!.periodStart) - Date.parse(series[i - 1]!.periodStart)).toBe(weekMs);
    expect(Date.now() - Date.parse(series.at(-1)!.periodStart)).toBeLessThan(weekMs);

    const page = await fetch(`${t.baseUrl}/trends/compute-clusters`).then((r) => r.text());
    expect(page).toContain('2024-07-08');
  });

  it('leaves an explicit from= and the scorecard window as they were', async () => {
    const explicit = await api(t.baseUrl, `${MOMENTUM}?from=2026-10-01`, { token: null });
    expect(explicit.body.series[0].periodStart.slice(0, 10)).toBe('2026-09-28');
    // The scorecard's totals stay those of the last 26 weeks: the imported 2024 evidence is not in them.
    const scorecard = await api(t.baseUrl, '/api/scorecard', { token: null });
    const entry = scorecard.body.data.find((e: any) => e.slug === 'compute-clusters');
    expect(entry.evidence.total).toBe(0);
    const months = await api(t.baseUrl, `${MOMENTUM}?interval=month`, { token: null });
    expect(months.body.series[0].periodStart.slice(0, 10)).toBe('2024-07-01');
  });
});
