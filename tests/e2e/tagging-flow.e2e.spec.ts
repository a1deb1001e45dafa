import { JobRunner } from '../../jobs/job-runner.service';
import { RetagOnRuleChange } from '../../jobs/retag-on-rule-change.listener';
import { FeedServer, startFeedServer } from '../support/feed-server';
import { conditionalHandler, GeneratedItem, rssDocument } from '../support/generated-feeds';
import { sql } from '../support/sql';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * The whole flow over HTTP: a fixture feed with 26 weeks of news, ingested and tagged by the
 * ingest-feeds job; compute-clusters stories grow week by week, open-source stories shrink,
 * filler stories keep the total volume steady.
 */
const WEEKS = 26;
const END = new Date('2026-06-01T00:00:00Z'); // a Monday
const CLUSTER = 'xAI expands its Colossus training cluster with more Nvidia H100 GPUs';
const OPEN = 'Meta releases Llama open-weight model under a permissive licence';

function weekItems(): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  for (let w = 0; w < WEEKS; w++) {
    const published = (n: number) => new Date(END.getTime() - (WEEKS - w) * 7 * 86_400_000 + (n + 1) * 3_600_000);
    // Growth that the direction test (docs/momentum.md) can see in its 12-week window: from 5 to
    // 16 a week over the last 12 weeks. The old staircase (5 -> 9, p ~ 0.09) is a borderline call.
    const clusters = w < WEEKS - 12 ? 1 + Math.floor(w / 3) : 5 + (w - (WEEKS - 12));
    const open = Math.max(1, 9 - Math.floor(w / 3));
    for (let n = 0; n < 20; n++) {
      const title =
        n < clusters
          ? `${CLUSTER} (week ${w} #${n})`
          : n < clusters + open
            ? `${OPEN} (week ${w} #${n})`
            : `Local council approves new bus timetable (week ${w} #${n})`;
      items.push({
        guid: `w${w}-${n}`,
        title,
        link: `https://news.example/w${w}/${n}`,
        description: title,
        publishedAt: published(n),
      });
    }
  }
  return items;
}

describe('ingest, tag, review, momentum', () => {
  let t: TestApp;
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer({ '/news.xml': conditionalHandler(() => rssDocument('Fixture news', weekItems())) });
    t = await startTestApp();
    await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url: server.url('/news.xml') } });
    const run = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
    expect(run.body.summary).toMatchObject({ itemsNew: WEEKS * 20, articlesTagged: WEEKS * 20 });
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  const momentum = async (slug: string) =>
    (await api(t.baseUrl, `/api/trends/${slug}/momentum?interval=week&asOf=${END.toISOString()}`, { token: null }))
      .body;

  it('tags matching articles as pending evidence with the terms that fired', async () => {
    const queue = await api(t.baseUrl, '/api/admin/evidence?trend=compute-clusters&limit=5');
    expect(queue.body.data.length).toBe(5);
    expect(queue.body.data[0]).toMatchObject({
      status: 'pending',
      stance: 'supports',
      trend: { slug: 'compute-clusters' },
    });
    expect(queue.body.data[0].matchedTerms.length).toBeGreaterThan(0);
    const [{ count }] = await sql(
      t.db.url,
      "SELECT count(*)::int AS count FROM evidence e JOIN articles a ON a.id = e.article_id WHERE a.title LIKE 'Local council%'",
    );
    expect(count).toBe(0);
  });

  it('reports the growing prediction rising and the shrinking one falling', async () => {
    expect((await momentum('compute-clusters')).momentum.direction).toBe('rising');
    expect((await momentum('open-source-models')).momentum.direction).toBe('falling');
    const card = await api(t.baseUrl, `/api/scorecard?asOf=${END.toISOString()}`, { token: null });
    const bySlug = Object.fromEntries(card.body.data.map((e: { slug: string }) => [e.slug, e]));
    expect(bySlug['compute-clusters'].momentum.direction).toBe('rising');
    expect(bySlug['open-source-models'].momentum.direction).toBe('falling');
  });

  it('changes the numbers at once when a reviewer decides', async () => {
    const before = (await momentum('compute-clusters')).series.at(-1);
    const queue = await api(t.baseUrl, '/api/admin/evidence?trend=compute-clusters&sort=date&limit=1');
    await api(t.baseUrl, `/api/admin/evidence/${queue.body.data[0].id}/review`, {
      method: 'POST',
      body: { decision: 'accept' },
    });
    const after = (await momentum('compute-clusters')).series.at(-1);
    expect(after.accepted).toBe(before.accepted + 1);
    expect(after.share).toBeGreaterThan(before.share);
  });

  it('previews what the rules would tag without storing anything', async () => {
    const before = await sql(t.db.url, 'SELECT count(*)::int AS n FROM evidence');
    const res = await api(t.baseUrl, '/api/admin/tagging/preview', {
      method: 'POST',
      body: { title: '宇树发布新一代人形机器人，搭载大模型' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({ trend: 'embodied-intelligence', stance: 'supports' });
    expect(res.body.data[0].reason).toEqual(expect.any(String));
    expect(await sql(t.db.url, 'SELECT count(*)::int AS n FROM evidence')).toEqual(before);
  });

  it('re-tags after a rule change, withdrawing pending evidence but never a decision', async () => {
    const rejectedRow = (await api(t.baseUrl, '/api/admin/evidence?trend=open-source-models&limit=1')).body.data[0];
    await api(t.baseUrl, `/api/admin/evidence/${rejectedRow.id}/review`, {
      method: 'POST',
      body: { decision: 'reject' },
    });
    const rules = (await api(t.baseUrl, '/api/admin/trends/open-source-models/rules')).body;
    const narrowed = { ...rules.rules, exclusions: [...rules.rules.exclusions, 'llama'] };
    const put = await api(t.baseUrl, '/api/admin/trends/open-source-models/rules', { method: 'PUT', body: narrowed });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(rules.version + 1);
    await t.app.get(RetagOnRuleChange).idle();

    const rows = await sql(
      t.db.url,
      "SELECT status, count(*)::int AS n FROM evidence WHERE trend_id = (SELECT id FROM trends WHERE slug = 'open-source-models') GROUP BY status",
    );
    expect(rows).toEqual([{ status: 'rejected', n: 1 }]);
    const runs = await api(t.baseUrl, '/api/admin/jobs/runs?job=retag');
    expect(runs.body.data[0]).toMatchObject({
      status: 'succeeded',
      summary: expect.objectContaining({ evidenceWithdrawn: expect.any(Number) }),
    });

    // Restoring the rules brings pending evidence back, but the rejected article stays rejected.
    await api(t.baseUrl, '/api/admin/trends/open-source-models/rules', { method: 'PUT', body: rules.rules });
    await t.app.get(RetagOnRuleChange).idle();
    const [again] = await sql(t.db.url, 'SELECT status FROM evidence WHERE id = $1', [rejectedRow.id]);
    expect(again.status).toBe('rejected');
    expect(t.app.get(JobRunner).names()).toContain('retag');
  });

  it('answers 400 naming the field for an invalid rule set', async () => {
    const res = await api(t.baseUrl, '/api/admin/trends/compute-clusters/rules', {
      method: 'PUT',
      body: { format: 1, threshold: -1, terms: [], exclusions: [], stanceCues: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_rules');
    expect(res.body.error.message).toMatch(/threshold/);
  });
});
