import { sql } from './sql';
import { api, TestApp } from './test-app';

/**
 * Evidence for the web pages' tests: `weeks` weeks of articles before now (20 a week), and for
 * every prediction a few pieces of evidence a week, pending, some contradicting; a handful of the
 * first prediction's are accepted so its page has a list and pins.
 */
export async function seedWebEvidence(t: TestApp, weeks = 12): Promise<void> {
  await sql(
    t.db.url,
    `INSERT INTO articles (url, normalized_url, title, published_at, language)
     SELECT 'https://news.example/' || g, 'https://news.example/' || g,
            CASE WHEN g % 2 = 0 THEN 'GPU cluster story ' || g ELSE '算力集群新闻 ' || g END,
            now() - ((g / 20) * interval '7 days') - interval '1 day', CASE WHEN g % 2 = 0 THEN 'en' ELSE 'zh' END
     FROM generate_series(0, ${weeks * 20 - 1}) g`,
  );
  await sql(
    t.db.url,
    `INSERT INTO evidence (article_id, trend_id, stance, score, status, matched, published_at, updated_at)
     SELECT a.id, tr.id, CASE WHEN (a.id + tr.number) % 4 = 0 THEN 'contradicts' ELSE 'supports' END,
            0.5 + ((a.id * 7 + tr.number) % 50) / 100.0,
            CASE WHEN tr.number = 1 AND a.id % 5 = 0 THEN 'accepted' ELSE 'pending' END,
            jsonb_build_object('terms', jsonb_build_array('GPU', '集群'), 'cues', '[]'::jsonb, 'reason', 'matched GPU and 集群'),
            a.published_at, now()
     FROM articles a CROSS JOIN trends tr
     WHERE (a.id + tr.number) % 5 < 2`,
  );
}

/** A reviewer token made through the admin API, as a reviewer would be given one. */
export async function reviewerToken(t: TestApp, name = 'desk reviewer'): Promise<string> {
  const res = await api(t.baseUrl, '/api/admin/tokens', { method: 'POST', body: { name, role: 'reviewer' } });
  if (res.status !== 201) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}
