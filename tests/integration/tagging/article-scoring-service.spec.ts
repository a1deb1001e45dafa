import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_RULES } from '../../../prisma/seed/rules';
import { parseEnv } from '../../../src/config/env';
import { ScoringSetup } from '../../../src/tagging/article-scoring';
import { ArticleScoringService } from '../../../src/tagging/article-scoring.service';
import { compileRules } from '../../../src/tagging/matcher';
import { decodeModel, encodeModel } from '../../../src/tagging/model-codec';
import { loadShippedModel } from '../../../src/tagging/shipped-model';

interface LabelledItem {
  title: string;
  summary?: string;
}

const items = (
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/labelled-headlines-holdout-6.json'), 'utf8')) as {
    items: LabelledItem[];
  }
).items.map(({ title, summary }) => ({ title, summary }));

function setupWith(slugs: string[]): ScoringSetup {
  const ruleSets = slugs.map((trendSlug) => ({ trendSlug, version: 1, rules: SEED_RULES[trendSlug]! }));
  // As ModelService loads it: decoded from its stored form (weights in shared memory).
  const model = decodeModel(encodeModel(loadShippedModel()!));
  return { rulesKey: slugs.join(','), ruleSets, trendSlugs: slugs, model, threshold: 0.3 };
}

/**
 * Tagging scores articles on a worker thread: what comes back across the thread boundary must be
 * exactly what the main thread computes, rule matches and model assessments alike, and a change
 * of rules must reach the thread.
 */
describe('ArticleScoringService', () => {
  const services = {
    mainThread: new ArticleScoringService(parseEnv({ TAGGING_THREADS: '0' })),
    worker: new ArticleScoringService(parseEnv({ TAGGING_THREADS: '1' })),
  };

  afterAll(async () => {
    await Promise.all(Object.values(services).map((service) => service.onModuleDestroy()));
  });

  it('scores on its thread exactly as on the main thread, and recompiles when the rules change', async () => {
    const allSlugs = Object.keys(SEED_RULES).sort();
    for (const slugs of [allSlugs, allSlugs.slice(1)]) {
      const setup = setupWith(slugs);
      const matcher = compileRules(setup.ruleSets);
      const [onMain, onWorker] = await Promise.all([
        services.mainThread.score(setup, matcher, items),
        services.worker.score(setup, matcher, items),
      ]);
      expect(onWorker).toEqual(onMain);
      // The comparison means something only if matches, stances and proposals all occurred.
      expect(onMain.filter((s) => s.byRules.length > 0).length).toBeGreaterThan(50);
      expect(onMain.filter((s) => s.assessed.contradicts !== null).length).toBeGreaterThan(50);
      expect(onMain.filter((s) => s.assessed.proposals.length > 0).length).toBeGreaterThan(5);
      // Rules left out are not matched on the thread either (it compiled the second set).
      const matched = new Set(onWorker.flatMap((s) => s.byRules.map((m) => m.trendSlug)));
      expect(matched.has(allSlugs[0]!)).toBe(slugs.includes(allSlugs[0]!));
    }
  });
});
