import { SEED_RULES } from '../../../prisma/seed/rules';
import {
  assessArticle,
  isAboutAi,
  layoutOf,
  modelLayout,
  proposeEvidence,
  scoreArticle,
  stanceOverRules,
  trainEvidenceModel,
} from '../../../src/tagging/evidence-model';
import { FEATURE_SPACE } from '../../../src/tagging/model-features';
import { OUTSIDE_AI_VOCABULARY_THRESHOLD } from '../../../src/tagging/model-settings';
import { decodeModel, encodeModel } from '../../../src/tagging/model-codec';
import { loadShippedTrainingItems, SHIPPED_TRAINING_SETS } from '../../../src/tagging/shipped-training-data';
import { loadShippedModel } from '../../../src/tagging/shipped-model';

const trends = Object.keys(SEED_RULES);
const shipped = loadShippedTrainingItems();
const model = trainEvidenceModel(trends, shipped, { epochs: 30 });

/** Twelve reviewer decisions accepting an article as a setback for emotional-companionship. */
function companionSetbacks(title: (i: number) => string, summary: string) {
  return Array.from({ length: 12 }, (_, i) => ({
    id: `article:${title(i)}`,
    title: title(i),
    summary,
    positives: [{ trend: 'emotional-companionship', stance: 'contradicts' as const }],
    negativeTrends: [],
    allKnown: false,
  }));
}

describe('evidence model', () => {
  it('is never trained on the blind set', () => {
    expect(SHIPPED_TRAINING_SETS).not.toContain('labelled-headlines-holdout-6.json');
    expect(model.trainingIds.length).toBeGreaterThan(3000);
    expect(model.trainingIds.filter((id) => id.startsWith('labelled:holdout6-'))).toEqual([]);
  });

  it('ships a committed model trained on exactly the shipped development sets', () => {
    const committed = loadShippedModel();
    expect(committed).not.toBeNull();
    expect(committed!.trainingIds).toEqual(shipped.map((item) => item.id));
    expect(committed!.trainingIds.some((id) => id.startsWith('labelled:holdout6-'))).toBe(false);
    expect(modelLayout(committed!)).toBe('relevance-and-stance');
    expect(committed!.trends).toEqual(trends);
    const title = "Coca-Cola's AI-made holiday ad draws backlash from artists and viewers";
    expect(proposeEvidence(committed!, { title }, new Set(), 0.1)[0]).toMatchObject({
      trendSlug: 'creative-generation',
      stance: 'contradicts',
    });
  });

  it('scores the same after an encode/decode round trip', () => {
    const restored = decodeModel(encodeModel(model));
    const article = {
      title: 'Voice actors strike over AI in video games',
      summary: 'The union says studios replace them.',
    };
    const before = scoreArticle(model, article.title, article.summary);
    const after = scoreArticle(restored, article.title, article.summary);
    expect(modelLayout(restored)).toBe(modelLayout(model));
    after.forEach((p, k) => {
      expect(p.probability).toBeCloseTo(before[k]!.probability, 5);
      expect(p.stance).toBe(before[k]!.stance);
    });
  });

  it('learns from decisions: a prediction accepted on similar articles is proposed with its stance', () => {
    const decisions = companionSetbacks(
      (i) => `Zorblax toy maker recalls plush companion ${i}`,
      'Parents complain the smart toy talks too much.',
    );
    const retrained = trainEvidenceModel(trends, [...shipped, ...decisions], { epochs: 30 });
    const article = { title: 'Zorblax recalls its plush', summary: 'The Zorblax smart plush is pulled.' };
    const [first] = proposeEvidence(retrained, article, new Set(), 0.1);
    expect(first).toMatchObject({ trendSlug: 'emotional-companionship', stance: 'contradicts' });
    expect(first!.features).toEqual(expect.arrayContaining(['zorblax']));
    const before = scoreArticle(model, article.title, article.summary)[trends.indexOf('emotional-companionship')]!;
    expect(first!.probability).toBeGreaterThan(before.probability);
  });

  it('counts news told in ordinary words as about AI: power and server halls, generated media, bots', () => {
    expect(isAboutAi('Utility to supply 2 gigawatts to new server campus')).toBe(true);
    expect(isAboutAi('Publisher pulls generated book covers after readers complain')).toBe(true);
    expect(isAboutAi('Virtual friend app fined over chats with minors')).toBe(true);
    expect(isAboutAi('某地叫停新建机房项目', '当地称能耗指标超标')).toBe(true);
    expect(isAboutAi('配音演员起诉公司 称声音被合成后出售')).toBe(true);
    expect(isAboutAi('Power company raises household electricity prices for winter')).toBe(false);
    expect(isAboutAi('电力公司上调冬季居民电价')).toBe(false);
  });

  it('proposes an article without the AI vocabulary only when the model is sure', () => {
    const decisions = companionSetbacks(
      (i) => `Zorblax recalls plush bear ${i} after parents complain`,
      'The bear repeats what children tell it.',
    );
    const retrained = trainEvidenceModel(trends, [...shipped, ...decisions], { epochs: 30 });
    const article = { title: 'Zorblax recalls its plush bear', summary: 'Parents complain.' };
    expect(isAboutAi(article.title, article.summary)).toBe(false);
    const sure = scoreArticle(retrained, article.title, article.summary)[trends.indexOf('emotional-companionship')]!;
    expect(sure.probability).toBeGreaterThanOrEqual(OUTSIDE_AI_VOCABULARY_THRESHOLD);
    expect(proposeEvidence(retrained, article, new Set(), 0.1)[0]).toMatchObject({
      trendSlug: 'emotional-companionship',
      stance: 'contradicts',
    });
    // The same article before those decisions: below the bar, so not proposed even at threshold 0.
    const unsure = scoreArticle(model, article.title, article.summary)[trends.indexOf('emotional-companionship')]!;
    expect(unsure.probability).toBeLessThan(OUTSIDE_AI_VOCABULARY_THRESHOLD);
    expect(proposeEvidence(model, article, new Set(), 0).map((p) => p.trendSlug)).not.toContain(
      'emotional-companionship',
    );
  });

  it('proposes nothing for a prediction the rules tagged, nor for articles not about AI', () => {
    const article = { title: 'Humanoid robot startup raises money for its robots', summary: '' };
    const all = proposeEvidence(model, article, new Set(), 0);
    expect(all.some((p) => p.trendSlug === 'embodied-intelligence')).toBe(true);
    const rest = proposeEvidence(model, article, new Set(['embodied-intelligence']), 0);
    expect(rest.some((p) => p.trendSlug === 'embodied-intelligence')).toBe(false);
    expect(isAboutAi('Local team wins the cup final', 'Fans celebrated.')).toBe(false);
    expect(proposeEvidence(model, { title: 'Local team wins the cup final' }, new Set(), 0)).toEqual([]);
  });

  it("takes the model's stance over a rule's only when the stance output is sure", () => {
    expect(stanceOverRules('supports', 0.6, 0.1)).toBe('contradicts');
    expect(stanceOverRules('supports', 0.59, 0.1)).toBe('supports');
    expect(stanceOverRules('contradicts', 0.41, 0.1)).toBe('contradicts');
    expect(stanceOverRules('contradicts', 0.4, 0.1)).toBe('supports');
    expect(stanceOverRules('contradicts', null, 0.1)).toBe('contradicts');
  });

  it('learns the stance once for every prediction: a setback taught on three predictions reads as one on a fourth', () => {
    const taught = (stance: 'supports' | 'contradicts') =>
      ['compute-clusters', 'smart-manufacturing', 'open-source-models'].flatMap((trend) =>
        Array.from({ length: 12 }, (_, i) => ({
          id: `article:${trend}-${i}`,
          title: `Quuxly ${trend.split('-')[0]} project ${i} goes quuxly after a quuxly year`,
          summary: '',
          positives: [{ trend, stance }],
          negativeTrends: [],
          allKnown: false,
        })),
      );
    // The same decisions told as setbacks and as successes: only the stance taught differs.
    const asSetbacks = trainEvidenceModel(trends, [...shipped, ...taught('contradicts')], { epochs: 30 });
    const asSuccesses = trainEvidenceModel(trends, [...shipped, ...taught('supports')], { epochs: 30 });
    const robots = { title: 'Humanoid robot maker ships its robots to a car plant, quuxly' };
    const stanceOf = (m: typeof model) => assessArticle(m, robots, new Set(['embodied-intelligence']), 1).contradicts!;
    expect(stanceOf(asSetbacks) - stanceOf(asSuccesses)).toBeGreaterThan(0.1);
  });

  it('still reads a model stored in the per-stance layout (one output per prediction and stance)', () => {
    expect(layoutOf(10, 11)).toBe('relevance-and-stance');
    expect(layoutOf(10, 20)).toBe('per-stance');
    expect(() => layoutOf(10, 7)).toThrow(/7 outputs/);
    const outputs = trends.length * 2;
    const weights = new Float32Array(FEATURE_SPACE * outputs);
    const bias = new Float64Array(outputs).fill(-5);
    const companion = trends.indexOf('emotional-companionship');
    bias[companion * 2 + 1] = 2; // contradicts, sure
    bias[companion * 2] = 1;
    const legacy = {
      trends,
      linear: { dimensions: FEATURE_SPACE, outputs, weights, bias },
      trainingIds: [],
    };
    const restored = decodeModel(encodeModel(legacy));
    expect(modelLayout(restored)).toBe('per-stance');
    const proposals = proposeEvidence(restored, { title: 'An AI toy for children' }, new Set(), 0.5);
    expect(proposals).toEqual([
      expect.objectContaining({ trendSlug: 'emotional-companionship', stance: 'contradicts', probability: 0.881 }),
    ]);
  });
});
