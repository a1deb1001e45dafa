/**
 * Precision, recall and stance accuracy of the seed rules over a labelled headline set,
 * micro-averaged over (article, prediction) pairs. Shared by the quality tests of each set.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { SEED_RULES } from '../../../prisma/seed/rules';
import { compileRules, matchArticle } from '../../../src/tagging/matcher';

export interface LabelledItem {
  id: string;
  lang: 'zh' | 'en';
  title: string;
  summary: string;
  labels: { trend: string; stance: 'supports' | 'contradicts' }[];
}

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  stanceCorrect: number;
  mistakes: string[];
}

export function loadLabelledSet(fixture: string): LabelledItem[] {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures', fixture), 'utf8')).items;
}

const matcher = compileRules(
  Object.entries(SEED_RULES).map(([trendSlug, rules]) => ({ trendSlug, version: 1, rules })),
);

export function measure(subset: LabelledItem[]): Tally {
  const tally: Tally = { truePositives: 0, falsePositives: 0, falseNegatives: 0, stanceCorrect: 0, mistakes: [] };
  for (const item of subset) {
    const expected = new Map(item.labels.map((label) => [label.trend, label.stance]));
    const found = matchArticle(matcher, item);
    for (const match of found) {
      const stance = expected.get(match.trendSlug);
      if (stance === undefined) {
        tally.falsePositives++;
        tally.mistakes.push(`false positive ${match.trendSlug}: ${item.id} ${item.title}`);
        continue;
      }
      tally.truePositives++;
      if (stance === match.stance) tally.stanceCorrect++;
      else
        tally.mistakes.push(
          `stance ${match.trendSlug} ${match.stance} [${match.stanceCues.join(', ')}]: ${item.id} ${item.title}`,
        );
    }
    for (const trend of expected.keys()) {
      if (!found.some((match) => match.trendSlug === trend)) {
        tally.falseNegatives++;
        tally.mistakes.push(`missed ${trend}: ${item.id} ${item.title}`);
      }
    }
  }
  return tally;
}

export function figures(tally: Tally) {
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000);
  return {
    precision: ratio(tally.truePositives, tally.truePositives + tally.falsePositives),
    recall: ratio(tally.truePositives, tally.truePositives + tally.falseNegatives),
    stanceAccuracy: ratio(tally.stanceCorrect, tally.truePositives),
    pairs: tally.truePositives + tally.falseNegatives,
  };
}

export function byLanguage(items: LabelledItem[]) {
  return {
    zh: figures(measure(items.filter((item) => item.lang === 'zh'))),
    en: figures(measure(items.filter((item) => item.lang === 'en'))),
  };
}

export interface QualityFloors {
  precision: number;
  recall: number;
  stanceAccuracy: number;
}

/** The three floor tests every labelled set has; each fails when its figure drops below the floor. */
export function itKeepsQualityFloors(overall: Tally, floors: QualityFloors): void {
  it(`keeps precision at or above ${floors.precision}`, () => {
    expect(figures(overall).precision).toBeGreaterThanOrEqual(floors.precision);
  });

  it(`keeps recall at or above ${floors.recall}`, () => {
    expect(figures(overall).recall).toBeGreaterThanOrEqual(floors.recall);
  });

  it(`gets the stance right for at least ${floors.stanceAccuracy} of the matches`, () => {
    expect(figures(overall).stanceAccuracy).toBeGreaterThanOrEqual(floors.stanceAccuracy);
  });
}
