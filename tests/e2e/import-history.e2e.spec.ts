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

  describe('digests of past periods (build-digest with period and date or from)', () => {
    const runDigest = (params?: Record<string, string>) =>
      api(t.baseUrl, '/api/admin/jobs/build-digest/run', { method: 'POST', body: params ? { params } : undefined });
    const period = (d: { periodStart: string; periodEnd: string }) => [
      d.periodStart.slice(0, 10),
      d.periodEnd.slice(0, 10),
    ];
    let scheduledStart = '';

    it('builds the ISO week holding the date, counting the evidence published in it', async () => {
      const run = await runDigest({ period: 'week', date: '2024-07-17' });
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ status: 'succeeded', summary: { outcome: 'built' } });
      expect(run.body.summary.digests.map(period)).toEqual([['2024-07-15', '2024-07-22']]);
      const digest = await api(t.baseUrl, `/api/digests/${run.body.summary.digests[0].digestId}`, { token: null });
      expect(digest.body.requested).toBe(true);
      const trend = digest.body.trends.find((e: any) => e.slug === 'compute-clusters');
      expect(trend.newSupporting + trend.newContradicting).toBe(2);
    });

    it('still gives the scheduled run the last seven days, not the imported past', async () => {
      const run = await runDigest();
      expect(run.body.summary.outcome).toBe('built');
      scheduledStart = run.body.summary.periodStart;
      const start = Date.parse(run.body.summary.periodStart);
      expect(Date.now() - start).toBeLessThan(8 * 86_400_000);
      expect(Date.now() - start).toBeGreaterThan(7 * 86_400_000 - 86_400_000);
      expect((await runDigest()).body.summary.outcome).toBe('already built');
    });

    it('builds every month from `from` that ended before the scheduled digests began', async () => {
      const run = await runDigest({ period: 'month', from: '2026-09-01' });
      const months: string[][] = run.body.summary.digests.map(period);
      expect(months[0]).toEqual(['2026-09-01', '2026-10-01']);
      // Each month in turn, the last one ending by the scheduled digest's start, the next one after it.
      const scheduled = scheduledStart.slice(0, 10);
      for (let i = 1; i < months.length; i++) expect(months[i]![0]).toBe(months[i - 1]![1]);
      expect(months.at(-1)![1] <= scheduled).toBe(true);
      const nextEnd = new Date(`${months.at(-1)![1]}T00:00:00Z`);
      nextEnd.setUTCMonth(nextEnd.getUTCMonth() + 1);
      expect(nextEnd.toISOString().slice(0, 10) > scheduled).toBe(true);
      const again = await runDigest({ period: 'month', from: '2026-09-01' });
      expect(again.body.summary.outcome).toBe('already built');
    });

    it('refuses a period the scheduled digests cover, and parameters no job takes', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const covered = await runDigest({ period: 'week', date: today });
      expect(covered.body).toMatchObject({ status: 'failed', error: expect.stringMatching(/no whole week/) });
      const bad = await runDigest({ period: 'year', date: '2024-07-17' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid_job_params');
      const ingest = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', {
        method: 'POST',
        body: { params: { period: 'week' } },
      });
      expect(ingest.status).toBe(400);
      expect(ingest.body.error.code).toBe('invalid_job_params');
    });
  });
});
