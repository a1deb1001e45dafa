/**
 * Aggregate tagging figures of the seed rules (and, with --model, rules plus the model's
 * proposals) over one labelled set. Prints one JSON line of totals only: no item, id or title is
 * ever printed, so a blind set can be measured without being seen.
 *
 * Run: npx ts-node --transpile-only bench/labelled-set.eval.ts labelled-headlines-holdout-3.json [--model]
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { SEED_RULES } from '../prisma/seed/rules';
import { compileRules, matchArticle } from '../src/tagging/matcher';
import { evaluateLabelledSet, EvalItem } from '../tests/support/tagging-evaluation';

interface Item extends EvalItem {
  title: string;
  summary: string;
}

function thresholdFlag(flags: string[]): number | undefined {
  const flag = flags.find((f) => f.startsWith('--threshold='));
  return flag ? Number(flag.slice('--threshold='.length)) : undefined;
}

function main(): void {
  const [fixture, ...flags] = process.argv.slice(2);
  if (!fixture) throw new Error('usage: labelled-set.eval.ts <fixture file in tests/fixtures> [--model]');
  const items: Item[] = JSON.parse(readFileSync(join(__dirname, '../tests/fixtures', fixture), 'utf8')).items;
  const matcher = compileRules(
    Object.entries(SEED_RULES).map(([trendSlug, rules]) => ({ trendSlug, version: 1, rules })),
  );
  const rules = (item: Item) => matchArticle(matcher, item).map((m) => ({ trend: m.trendSlug, stance: m.stance }));
  const line: Record<string, unknown> = {
    eval: 'labelled-set',
    fixture,
    rules: evaluateLabelledSet(items, (i) => rules(i as Item)),
  };
  if (flags.includes('--model'))
    // Loaded only when asked for: the model evaluation trains a model first.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Object.assign(line, require('./labelled-set-model.eval').withModel(items, rules, fixture, thresholdFlag(flags)));
  console.log(JSON.stringify(line));
}

main();
