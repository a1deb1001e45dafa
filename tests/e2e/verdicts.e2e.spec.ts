import { sql } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * Verdicts over HTTP: status from accepted evidence with the source-diversity rule, asOf
 * (only what was known then), append-only resolutions with their audit, and the track record.
 */
const T0 = new Date('2026-03-01T00:00:00Z');

/** Accepted evidence for `slug`, one article each at `host`, published and reviewed when given. */
async function acceptEvidence(
  t: TestApp,
  slug: string,
  hosts: string[],
  stance: 'supports' | 'contradicts',
  publishedAt: Date,
  reviewedAt: Date,
): Promise<number[]> {
  const rows = await sql<{ id: number }>(
    t.db.url,
    `WITH a AS (
       INSERT INTO articles (url, normalized_url, title, published_at)
       SELECT 'https://' || h || '/' || $2 || '/' || i, 'https://' || h || '/' || $2 || '/' || i, 'story', $4
       FROM unnest($1::text[]) WITH ORDINALITY AS x(h, i)
       RETURNING id)
     INSERT INTO evidence (article_id, trend_id, stance, score, status, published_at, reviewed_at, reviewed_by, updated_at)
     SELECT a.id, (SELECT id FROM trends WHERE slug = $3), $2, 1, 'accepted', $4, $5, 'seed', now() FROM a
     RETURNING id`,
    [hosts, stance, slug, publishedAt, reviewedAt],
  );
  return rows.map((r) => r.id);
}

describe('verdicts', () => {
  let t: TestApp;
  let reviewerToken: string;
  beforeAll(async () => {
    t = await startTestApp();
    const issued = await api(t.baseUrl, '/api/admin/tokens', {
      method: 'POST',
      body: { name: 'rev', role: 'reviewer' },
    });
    reviewerToken = issued.body.token;
  });
  afterAll(() => t.close());

  const trend = async (slug: string, asOf?: Date) =>
    (await api(t.baseUrl, `/api/trends/${slug}${asOf ? `?asOf=${asOf.toISOString()}` : ''}`, { token: null })).body;

  it('does not let one prolific site decide: too early until three distinct sources back it', async () => {
    const hosts = Array.from({ length: 30 }, () => 'www.prolific.example');
    await acceptEvidence(t, 'smart-manufacturing', hosts, 'supports', T0, T0);
    const before = await trend('smart-manufacturing');
    expect(before).toMatchObject({ status: 'too-early', assessment: { accepted: 30, distinctSources: 1 } });
    await acceptEvidence(t, 'smart-manufacturing', ['a.example', 'b.example'], 'supports', T0, T0);
    const after = await trend('smart-manufacturing');
    expect(after.status).toBe('on-track');
    // 30 items from one site weigh as 3 (the cap): 3 + 1 + 1
    expect(after.assessment).toMatchObject({ distinctSources: 3, supportWeight: 5, largestSourceShare: 0.6 });
  });

  it('reads the balance: contradicting evidence from many sources makes it off-track', async () => {
    const hosts = Array.from({ length: 12 }, (_, i) => `c${i}.example`);
    await acceptEvidence(t, 'game-agent-training', hosts, 'contradicts', T0, T0);
    const body = await trend('game-agent-training');
    expect(body.status).toBe('off-track');
    expect(body.assessment.supportInterval.upper).toBeLessThan(0.5);
  });

  it('as of a past date uses only evidence published and accepted by then', async () => {
    const later = new Date('2026-05-01T00:00:00Z');
    const hosts = Array.from({ length: 6 }, (_, i) => `h${i}.example`);
    await acceptEvidence(t, 'on-device-models', hosts, 'supports', T0, later); // published early, accepted later
    expect((await trend('on-device-models', new Date('2026-04-01T00:00:00Z'))).assessment.accepted).toBe(0);
    expect((await trend('on-device-models', later)).assessment).toMatchObject({
      accepted: 6,
      interimStatus: 'on-track',
    });
  });

  describe('resolutions', () => {
    const resolve = (body: unknown, token?: string | null) =>
      api(t.baseUrl, '/api/admin/trends/open-source-models/resolutions', { method: 'POST', body, token });

    it('needs an admin token', async () => {
      expect((await resolve({ outcome: 'partly', rationaleEn: 'x', decisive: true }, null)).status).toBe(401);
      expect((await resolve({ outcome: 'partly', rationaleEn: 'x', decisive: true }, reviewerToken)).status).toBe(403);
    });

    it('answers 400 with stable codes for bad input', async () => {
      const cases: [unknown, string][] = [
        [{ outcome: 'maybe', rationaleEn: 'x', decisive: true }, 'validation_failed'],
        [{ outcome: 'partly', decisive: true }, 'rationale_required'],
        [{ outcome: 'partly', rationaleEn: 'too soon' }, 'horizon_not_reached'],
        [{ outcome: 'partly', rationaleEn: 'x', decisive: true, evidenceIds: [999999] }, 'unknown_evidence'],
      ];
      for (const [body, code] of cases) {
        const res = await resolve(body);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe(code);
      }
    });

    it('appends: a change is a new resolution, the old one stays, each is audited', async () => {
      const [cited] = await acceptEvidence(t, 'open-source-models', ['o.example'], 'supports', T0, T0);
      const first = await resolve({ outcome: 'partly', rationaleZh: '部分应验', evidenceIds: [cited], decisive: true });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ outcome: 'partly', evidenceIds: [cited], beforeHorizon: true });
      const second = await resolve({ outcome: 'borne-out', rationaleEn: 'open models are good now', decisive: true });
      expect(second.status).toBe(201);

      const body = await trend('open-source-models');
      expect(body.status).toBe('resolved');
      expect(body.assessment.resolution).toMatchObject({ id: second.body.id, outcome: 'borne-out' });
      expect(body.resolutions.map((r: any) => [r.id, r.outcome])).toEqual([
        [first.body.id, 'partly'],
        [second.body.id, 'borne-out'],
      ]);

      const audit = await api(t.baseUrl, '/api/admin/audit');
      const resolves = audit.body.data.filter((a: any) => a.action === 'resolve');
      expect(resolves).toHaveLength(2);
      expect(resolves[0]).toMatchObject({
        resolutionId: second.body.id,
        evidenceId: null,
        before: { outcome: 'partly', resolutionId: first.body.id },
        after: { outcome: 'borne-out' },
      });
      expect(resolves[1]).toMatchObject({ resolutionId: first.body.id, before: {}, after: { outcome: 'partly' } });
    });

    it('refuses to rewrite or delete a resolution, even in SQL', async () => {
      await expect(sql(t.db.url, `UPDATE trend_resolutions SET outcome = 'ambiguous'`)).rejects.toThrow(/append-only/);
      await expect(sql(t.db.url, `DELETE FROM trend_resolutions`)).rejects.toThrow(/append-only/);
      const rows = await sql(t.db.url, `SELECT outcome FROM trend_resolutions ORDER BY id`);
      expect(rows.map((r) => r.outcome)).toEqual(['partly', 'borne-out']);
    });

    it('is not resolved as of a date before the resolution', async () => {
      expect((await trend('open-source-models', new Date('2026-04-01T00:00:00Z'))).status).not.toBe('resolved');
    });
  });

  it('serves the verdict in the scorecard and the track record', async () => {
    const scorecard = await api(t.baseUrl, '/api/scorecard', { token: null });
    const open = scorecard.body.data.find((e: any) => e.slug === 'open-source-models');
    expect(open).toMatchObject({ horizon: '2027-07-01', horizonBasis: 'stated', status: 'resolved' });
    expect(open.assessment.resolution.outcome).toBe('borne-out');
    for (const e of scorecard.body.data) expect(e.horizon).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const record = await api(t.baseUrl, '/api/track-record', { token: null });
    expect(record.status).toBe(200);
    expect(record.body.data).toHaveLength(10);
    expect(record.body.counts.outcomes).toEqual({ 'borne-out': 1, partly: 0, 'not-borne-out': 0, ambiguous: 0 });
    const manufacturing = record.body.data.find((e: any) => e.slug === 'smart-manufacturing');
    expect(manufacturing.daysToHorizon).toEqual(expect.any(Number));
    const months = manufacturing.monthly;
    expect(months[0].month).toBe('2024-07');
    expect(months.find((m: any) => m.month === '2026-02')).toMatchObject({ status: 'too-early', accepted: 0 });
    expect(months.find((m: any) => m.month === '2026-03')).toMatchObject({ status: 'on-track', accepted: 32 });
  });

  it('answers 400 for a malformed asOf', async () => {
    const res = await api(t.baseUrl, '/api/track-record?asOf=yesterday', { token: null });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_window');
  });
});
