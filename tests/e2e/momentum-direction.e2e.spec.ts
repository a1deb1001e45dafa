import { FeedServer, startFeedServer } from '../support/feed-server';
import { conditionalHandler, GeneratedItem, rssDocument } from '../support/generated-feeds';
import { api, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 13's three cases, through a loopback feed, the ingest-feeds job (tagging) and the
 * scorecard, on generated news at a constant 60 articles a week for 26 weeks:
 *   compute-clusters grows linearly from 1 to 12 stories a week       -> rising
 *   open-source-models steps from 3 to 9 a week six weeks before END  -> rising
 *   embodied-intelligence is flat, Poisson with mean 4 a week          -> steady at >= 4 of 5 weeks
 * Filler stories (matching no prediction) keep the weekly total at 60.
 */
const WEEKS = 26;
const PER_WEEK = 60;
const END = new Date('2026-06-01T00:00:00Z'); // a Monday
const CLUSTER = 'xAI expands its Colossus training cluster with more Nvidia H100 GPUs';
const OPEN = 'Meta releases Llama open-weight model under a permissive licence';
const ROBOT = 'Startup unveils humanoid robot';
const FILLER = 'Local council approves new bus timetable';

/** Seeded Poisson draws (mulberry32 + Knuth), so the flat case is the same on every run. */
function poissonDraws(mean: number, count: number, seed = 13): number[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => {
    let k = 0;
    for (let p = random(); p > Math.exp(-mean); p *= random()) k++;
    return k;
  });
}

const robots = poissonDraws(4, WEEKS);

function weekItems(): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  for (let w = 0; w < WEEKS; w++) {
    const clusters = Math.round(1 + (11 * w) / (WEEKS - 1));
    const open = w >= WEEKS - 6 ? 9 : 3;
    const kinds = [
      ...Array<string>(clusters).fill(CLUSTER),
      ...Array<string>(open).fill(OPEN),
      ...Array<string>(robots[w]!).fill(ROBOT),
    ];
    for (let n = 0; n < PER_WEEK; n++) {
      const title = `${kinds[n] ?? FILLER} (week ${w} #${n})`;
      const publishedAt = new Date(END.getTime() - (WEEKS - w) * 7 * 86_400_000 + (n + 1) * 2_400_000);
      items.push({
        guid: `w${w}-${n}`,
        title,
        link: `https://news.example/w${w}/${n}`,
        description: title,
        publishedAt,
      });
    }
  }
  return items;
}

describe('direction from the test, through feeds, tagging and the scorecard', () => {
  let t: TestApp;
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer({
      '/news.xml': conditionalHandler(() => rssDocument('Generated news', weekItems())),
    });
    t = await startTestApp();
    await api(t.baseUrl, '/api/admin/feeds', { method: 'POST', body: { url: server.url('/news.xml') } });
    const run = await api(t.baseUrl, '/api/admin/jobs/ingest-feeds/run', { method: 'POST' });
    expect(run.body.summary).toMatchObject({ itemsNew: WEEKS * PER_WEEK });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  const scorecard = async (asOf: Date) => {
    const res = await api(t.baseUrl, `/api/scorecard?asOf=${asOf.toISOString()}`, { token: null });
    expect(res.status).toBe(200);
    return new Map<string, any>(res.body.data.map((e: any) => [e.slug, e]));
  };

  it('tags each generated story for the prediction it was written for, at a constant volume', async () => {
    const res = await api(t.baseUrl, `/api/trends/compute-clusters/momentum?asOf=${END.toISOString()}`, {
      token: null,
    });
    const last = res.body.series.at(-1);
    expect(last).toMatchObject({ articles: PER_WEEK, evidence: 12 });
  });

  it('calls linear growth from 1 to 12 a week rising, with the numbers it rests on', async () => {
    const entry = (await scorecard(END)).get('compute-clusters');
    expect(entry.momentum.direction).toBe('rising');
    const test = entry.momentum.test;
    expect(test).toMatchObject({ reason: 'called', window: { periods: 12 } });
    expect(test.level).toMatchObject({ recent: { periods: 4 }, baseline: { periods: 24 } });
    // The numbers of the test that made the call: the slope's (top level) or the level test's.
    expect(['slope', 'level', 'both']).toContain(test.firedBy);
    const fired = test.firedBy === 'level' ? test.level : test;
    expect(fired.rateRatioInterval.lower).toBeGreaterThan(1);
    expect(fired.pValue).toBeLessThan(0.025);
    expect(test.evidenceCount).toBeGreaterThan(100);
  });

  it('calls a step from 3 to 9 a week six weeks ago rising', async () => {
    expect((await scorecard(END)).get('open-source-models').momentum.direction).toBe('rising');
  });

  it('keeps a flat quiet prediction (Poisson, mean 4) steady at 4 or more of 5 weekly points', async () => {
    const directions: string[] = [];
    for (let back = 0; back < 5; back++) {
      const asOf = new Date(END.getTime() - back * 7 * 86_400_000);
      directions.push((await scorecard(asOf)).get('embodied-intelligence').momentum.direction);
    }
    expect(directions.filter((d) => d === 'steady').length).toBeGreaterThanOrEqual(4);
  });

  it('explains a direction with the evidence of the weeks that drove it', async () => {
    const res = await api(t.baseUrl, `/api/trends/open-source-models/momentum?asOf=${END.toISOString()}`, {
      token: null,
    });
    expect(res.body.momentum.drivers).toEqual([]); // nothing accepted yet: only accepted evidence explains
    const queue = await api(t.baseUrl, '/api/admin/evidence?status=pending&trend=open-source-models&limit=200');
    const late = queue.body.data.filter(
      (e: any) => new Date(e.article.publishedAt) >= new Date(END.getTime() - 6 * 7 * 86_400_000),
    );
    const early = queue.body.data.find(
      (e: any) => new Date(e.article.publishedAt) < new Date(END.getTime() - 8 * 7 * 86_400_000),
    );
    for (const e of [...late.slice(0, 12), early]) {
      await api(t.baseUrl, `/api/admin/evidence/${e.id}/review`, { method: 'POST', body: { decision: 'accept' } });
    }
    const after = await api(t.baseUrl, `/api/trends/open-source-models/momentum?asOf=${END.toISOString()}`, {
      token: null,
    });
    const drivers = after.body.momentum.drivers;
    expect(drivers.length).toBeGreaterThan(0);
    const stepStart = END.getTime() - 6 * 7 * 86_400_000;
    for (const d of drivers) expect(new Date(d.publishedAt).getTime()).toBeGreaterThanOrEqual(stepStart);
    expect(drivers.map((d: any) => d.id)).not.toContain(early.id);
  });
});
