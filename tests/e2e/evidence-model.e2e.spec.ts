import { FeedServer, startFeedServer } from '../support/feed-server';
import { conditionalHandler, GeneratedItem, rssDocument } from '../support/generated-feeds';
import { sql } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * The learned second stage over HTTP on a fresh database: the first ingest trains and stores the
 * shipped model (version 1), whose proposals enter the queue as pending `source: model` evidence;
 * decisions are never changed by it; retraining makes a version, rollback returns to the last.
 */
const TITLES = [
  "Coca-Cola's AI-made holiday ad draws backlash from artists and viewers",
  'AI coding tools made experienced developers 19% slower, METR study finds',
  'Heavy ChatGPT users tend to be lonelier, OpenAI and MIT studies find',
  'xAI expands its Colossus training cluster with more Nvidia H100 GPUs',
  'Local council approves new bus timetable',
  'AI companion app users drift away after the novelty wears off',
];

function items(): GeneratedItem[] {
  return TITLES.map((title, n) => ({
    guid: `m${n}`,
    title,
    link: `https://news.example/model/${n}`,
    description: title,
    publishedAt: new Date(Date.UTC(2026, 4, 1 + n)),
  }));
}

describe('evidence model: proposals, decisions, versions', () => {
  let t: TestApp;
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer({ '/news.xml': conditionalHandler(() => rssDocument('Model news', items())) });
    t = await startTestApp({ MODEL_RETRAIN_MIN_DECISIONS: '2' });
    await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url: server.url('/news.xml') } });
    const run = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
    expect(run.body.summary.modelProposals).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  const queue = async (query: string) => (await api(t.baseUrl, `/api/admin/evidence?${query}`)).body;

  it('files model proposals as pending, source model, with probability, version and reason, likeliest first', async () => {
    const page = await queue('source=model&limit=50');
    expect(page.data.length).toBeGreaterThanOrEqual(3);
    for (const item of page.data) {
      expect(item).toMatchObject({ source: 'model', origin: 'model', status: 'pending', modelVersion: 1 });
      expect(item.probability).toBeGreaterThan(0);
      expect(item.score).toBe(item.probability);
      expect(item.features.length).toBeGreaterThan(0);
      expect(item.reason).toContain('model v1');
    }
    const probabilities = page.data.map((item: { probability: number }) => item.probability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    const coke = page.data.find((item: { article: { title: string } }) => item.article.title.startsWith('Coca-Cola'));
    expect(coke).toMatchObject({ trend: { slug: 'creative-generation' }, stance: 'contradicts' });
  });

  it("stores a rule match with the model's stance where the model is sure and the rule's cues missed the setback", async () => {
    const page = await queue('source=rules&limit=50');
    const byTitle = (start: string) =>
      page.data.find((item: { article: { title: string } }) => item.article.title.startsWith(start));
    const companion = byTitle('AI companion app users drift away');
    expect(companion).toMatchObject({
      trend: { slug: 'emotional-companionship' },
      stance: 'contradicts',
      source: 'rules',
    });
    expect(companion.reason).toMatch(
      /stance contradicts from model v1 \(p\(contradicts\)=0\.\d+\), the rule's cues said supports/,
    );
    // Where the model agrees with the rule (or is unsure), the rule's stance and reason stand.
    const cluster = byTitle('xAI expands its Colossus');
    expect(cluster).toMatchObject({ trend: { slug: 'compute-clusters' }, stance: 'supports', source: 'rules' });
    expect(cluster.reason).not.toContain('from model');
  });

  it('filters the queue by source', async () => {
    const rules = await queue('source=rules&limit=50');
    expect(rules.data.length).toBeGreaterThan(0);
    expect(rules.data.every((item: { source: string }) => item.source === 'rules')).toBe(true);
    expect(rules.data.every((item: { probability: unknown }) => item.probability === null)).toBe(true);
    const bad = await api(t.baseUrl, '/api/admin/evidence?source=oracle');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBeDefined();
  });

  it('never proposes for articles not about AI, nor where the rules already tagged the prediction', async () => {
    const rows = await sql(
      t.db.url,
      `SELECT a.title, e.origin FROM evidence e JOIN articles a ON a.id = e.article_id ORDER BY a.id`,
    );
    expect(rows.some((r: { title: string }) => r.title.startsWith('Local council'))).toBe(false);
    const pairs = await sql(t.db.url, `SELECT article_id, trend_id, count(*)::int AS n FROM evidence GROUP BY 1, 2`);
    expect(pairs.every((p: { n: number }) => p.n === 1)).toBe(true);
  });

  it('never changes a decision: a rejected proposal and a stance correction survive re-tagging', async () => {
    const page = await queue('source=model&limit=50');
    const [first, second] = page.data;
    await api(t.baseUrl, `/api/admin/evidence/${first.id}/review`, { method: 'POST', body: { decision: 'reject' } });
    const corrected = second.stance === 'supports' ? 'contradicts' : 'supports';
    await api(t.baseUrl, `/api/admin/evidence/${second.id}/review`, {
      method: 'POST',
      body: { decision: 'accept', stance: corrected },
    });
    const before = await sql(t.db.url, `SELECT * FROM evidence WHERE id IN (${first.id}, ${second.id}) ORDER BY id`);
    const retag = await api(t.baseUrl, '/api/admin/jobs/retag/run', { method: 'POST' });
    expect(retag.status).toBe(200);
    const after = await sql(t.db.url, `SELECT * FROM evidence WHERE id IN (${first.id}, ${second.id}) ORDER BY id`);
    expect(after).toEqual(before);
    expect(after.find((r: { id: number }) => r.id === second.id)).toMatchObject({
      status: 'accepted',
      stance: corrected,
    });
    expect(after.find((r: { id: number }) => r.id === first.id)).toMatchObject({ status: 'rejected' });
  });

  it('retrains on decisions as a new version, reports quality, and rolls back', async () => {
    const retrain = await api(t.baseUrl, '/api/admin/jobs/retrain-model/run', { method: 'POST' });
    expect(retrain.body.summary).toMatchObject({ retrained: true, version: 2, newDecisions: 2 });
    expect(retrain.body.summary.trainingSize).toBeGreaterThan(394);
    const again = await api(t.baseUrl, '/api/admin/jobs/retrain-model/run', { method: 'POST' });
    expect(again.body.summary).toMatchObject({ retrained: false, version: 2 });
    expect((await api(t.baseUrl, '/api/admin/tagging/model')).body.current).toBe(2);

    const quality = (await api(t.baseUrl, '/api/admin/tagging/quality')).body;
    expect(quality.decided).toBe(2);
    const modelRows = quality.byPredictionAndSource.filter((r: { source: string }) => r.source === 'model');
    expect(modelRows.reduce((n: number, r: { accepted: number }) => n + r.accepted, 0)).toBe(1);
    expect(quality.calibration.reduce((n: number, b: { decided: number }) => n + b.decided, 0)).toBe(2);

    const rollback = await api(t.baseUrl, '/api/admin/tagging/model/rollback', { method: 'POST' });
    expect(rollback.body).toEqual({ rolledBack: 2, current: 1 });
    expect((await api(t.baseUrl, '/api/admin/tagging/model')).body.current).toBe(1);
    const none = await api(t.baseUrl, '/api/admin/tagging/model/rollback', { method: 'POST' });
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('no_previous_model');
  }, 240_000); // training is CPU work: seconds alone, a minute or more on a machine shared eightfold
});
