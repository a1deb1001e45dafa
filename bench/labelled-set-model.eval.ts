/**
 * The model half of labelled-set.eval.ts: trains the evidence model on the shipped development
 * sets (minus the set being measured, when it is one of them), then reports rules + model at the
 * proposal threshold (rule matches with the model's stance where it is sure, as stored) and the
 * model stage's precision at the queue's top 50. Totals only.
 */
import { assessArticle, stanceOverRules, trainEvidenceModel } from '../src/tagging/evidence-model';
import { loadShippedTrainingItems, SHIPPED_TRAINING_SETS } from '../src/tagging/shipped-training-data';
import { DEFAULT_PROPOSAL_THRESHOLD, STANCE_OVER_RULES_MARGIN } from '../src/tagging/model-settings';
import { SEED_RULES } from '../prisma/seed/rules';
import { evaluateLabelledSet, EvalItem, FoundPair, precisionAtTop, Stance } from '../tests/support/tagging-evaluation';

interface Item extends EvalItem {
  title: string;
  summary: string;
}

export function withModel(
  items: Item[],
  rules: (item: Item) => FoundPair[],
  fixture: string,
  threshold = DEFAULT_PROPOSAL_THRESHOLD,
) {
  const sets = SHIPPED_TRAINING_SETS.filter((name) => name !== fixture);
  const started = process.hrtime.bigint();
  const model = trainEvidenceModel(Object.keys(SEED_RULES), loadShippedTrainingItems(sets));
  const trainingMs = Number(process.hrtime.bigint() - started) / 1e6;
  const queue: { item: EvalItem; trend: string; stance: Stance; probability: number }[] = [];
  const found = new Map<string, FoundPair[]>();
  for (const item of items) {
    const matched = rules(item);
    const { proposals, contradicts } = assessArticle(model, item, new Set(matched.map((p) => p.trend)), threshold);
    // As the tagging service stores them: a rule match takes the model's stance when it is sure.
    const byRules = matched.map((p) => ({
      ...p,
      stance: stanceOverRules(p.stance, contradicts, STANCE_OVER_RULES_MARGIN),
    }));
    for (const p of proposals) queue.push({ item, trend: p.trendSlug, stance: p.stance, probability: p.probability });
    found.set(item.id, [...byRules, ...proposals.map((p) => ({ trend: p.trendSlug, stance: p.stance }))]);
  }
  return {
    model: { trainedOn: sets, trainingItems: model.trainingIds.length, trainingMs: Math.round(trainingMs), threshold },
    rulesPlusModel: evaluateLabelledSet(items, (item) => found.get(item.id) ?? []),
    modelQueueTop50: precisionAtTop(queue, 50),
  };
}
