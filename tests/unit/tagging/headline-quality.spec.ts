/**
 * Quality of the seed rules over each labelled headline set: precision, recall and stance accuracy,
 * micro-averaged over (article, prediction) pairs, overall and per language. Floors are measured
 * minus 0.05, rounded down to 0.01; lowering one needs a reason in the commit message. Do not edit a
 * set's items to raise a figure: add items in a separate commit. A new set is one line in SETS.
 *
 * The sets:
 * - labelled-headlines.json: the development set the rules were written against.
 * - labelled-headlines-holdout.json: written blind as a held-out set, but the rules-v2 change tuned
 *   on its mistakes (general vocabulary and stance cues, no headline-specific terms), so it is a
 *   development set now and its figures are optimistic.
 * - labelled-headlines-holdout-2.json: written blind to the rules (its author read the report and
 *   the predictions, not the rules nor the other sets): the honest figures. Keep it blind: do not
 *   tune on its mistakes; when it has been used, write another.
 *
 * Measured (precision / recall / stance accuracy):
 * - labelled, 176 items (144 pairs): before rules-v2 0.973 / 0.986 / 0.979; after 0.993 / 1.000 / 0.986.
 * - holdout, 108 items (84 pairs): blind 0.946 / 0.833 / 0.929 (zh 0.949 / 0.881 / 0.892, en 0.943 /
 *   0.786 / 0.970); after rules-v2 0.976 / 0.988 / 1.000 (zh 0.955 / 1.000 / 1.000, en 1.000 / 0.976 / 1.000).
 * - holdout-2, 110 items (89 pairs), on the day it was written: rules before v2 0.957 / 0.742 / 0.773
 *   (zh 0.973 / 0.800 / 0.722, en 0.938 / 0.682 / 0.833); rules-v2 0.930 / 0.742 / 0.803 (zh 0.947 /
 *   0.800 / 0.750, en 0.909 / 0.682 / 0.867).
 */
import {
  byLanguage,
  figures,
  itKeepsQualityFloors,
  LabelledItem,
  loadLabelledSet,
  measure,
} from './labelled-set-quality';

interface LabelledSet {
  fixture: string;
  /** The key its figures are logged under (the tagging bench and README quote these lines). */
  log: string;
  minItems: number;
  minNearMisses: number;
  precision: number;
  recall: number;
  stanceAccuracy: number;
  /** Every prediction labelled both supported and contradicted somewhere in the set. */
  everyTrendBothWays?: boolean;
  /** A blind set: its mistakes are not printed, so nobody tunes the rules on them. */
  blind?: boolean;
  /** Chinese and English recall and precision within 0.1 of each other. */
  languageParity?: boolean;
}

// prettier-ignore
const SETS: LabelledSet[] = [
  { fixture: 'labelled-headlines.json', log: 'quality', minItems: 150, minNearMisses: 30, precision: 0.94, recall: 0.95, stanceAccuracy: 0.93, languageParity: true },
  { fixture: 'labelled-headlines-holdout.json', log: 'holdoutQuality', minItems: 80, minNearMisses: 20, precision: 0.92, recall: 0.93, stanceAccuracy: 0.95 },
  { fixture: 'labelled-headlines-holdout-2.json', log: 'holdout2Quality', minItems: 100, minNearMisses: 25, precision: 0.88, recall: 0.69, stanceAccuracy: 0.75, everyTrendBothWays: true, blind: true },
];

function stancesByTrend(items: LabelledItem[]): Map<string, Set<string>> {
  const stances = new Map<string, Set<string>>();
  for (const label of items.flatMap((item) => item.labels)) {
    stances.set(label.trend, (stances.get(label.trend) ?? new Set()).add(label.stance));
  }
  return stances;
}

describe.each(SETS)('headline quality of $fixture', (set) => {
  const items = loadLabelledSet(set.fixture);
  const overall = measure(items);
  const languages = byLanguage(items);

  beforeAll(() => {
    console.log(JSON.stringify({ [set.log]: figures(overall), byLanguage: languages, items: items.length }));
    if (!set.blind) console.log(overall.mistakes.join('\n'));
  });

  it(`is a set of at least ${set.minItems} headlines, half Chinese, with at least ${set.minNearMisses} near misses`, () => {
    const chinese = items.filter((item) => item.lang === 'zh').length;
    expect(items.length).toBeGreaterThanOrEqual(set.minItems);
    expect(Math.abs(chinese - items.length / 2)).toBeLessThanOrEqual(items.length * 0.05);
    expect(items.filter((item) => item.labels.length === 0).length).toBeGreaterThanOrEqual(set.minNearMisses);
  });

  if (set.everyTrendBothWays) {
    it('labels every prediction both supported and contradicted', () => {
      const stances = stancesByTrend(items);
      expect(stances.size).toBe(10);
      expect([...stances.values()].every((both) => both.size === 2)).toBe(true);
    });
  }

  itKeepsQualityFloors(overall, { precision: set.precision, recall: set.recall, stanceAccuracy: set.stanceAccuracy });

  if (set.languageParity) {
    it('is about as good in Chinese as in English', () => {
      expect(Math.abs(languages.zh.recall - languages.en.recall)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(languages.zh.precision - languages.en.precision)).toBeLessThanOrEqual(0.1);
    });
  }
});
