/**
 * Quality of the seed rules over the headline set that was written blind to the rules as a
 * held-out set. Since the rules-v2 change it is NO LONGER held out: its mistakes were used to
 * tune the rules (general vocabulary and stance cues, no headline-specific terms), so it is a
 * development set now and its figures are optimistic like the labelled set's. Honest figures
 * come from a fresh blind set. The floors sit just under what the rules measured (measured minus
 * 0.05, rounded down to 0.01). Do not edit the items to raise a figure: add new items in a
 * separate commit instead.
 */
import { byLanguage, figures, loadLabelledSet, measure, itKeepsQualityFloors } from './labelled-set-quality';

// 108 items (84 labelled pairs), precision / recall / stance accuracy:
// before tuning on it (blind): 0.946 / 0.833 / 0.929; zh 0.949 / 0.881 / 0.892, en 0.943 / 0.786 / 0.970.
// after rules-v2 (tuned on it): 0.976 / 0.988 / 1.000; zh 0.955 / 1.000 / 1.000, en 1.000 / 0.976 / 1.000.
const PRECISION_FLOOR = 0.92;
const RECALL_FLOOR = 0.93;
const STANCE_ACCURACY_FLOOR = 0.95;

const items = loadLabelledSet('labelled-headlines-holdout.json');

describe('development (formerly held-out) headline quality', () => {
  const overall = measure(items);
  const languages = byLanguage(items);

  beforeAll(() => {
    console.log(JSON.stringify({ holdoutQuality: figures(overall), byLanguage: languages, items: items.length }));
    console.log(overall.mistakes.join('\n'));
  });

  it('is a set of at least 80 headlines, half Chinese, with at least 20 near misses', () => {
    const chinese = items.filter((item) => item.lang === 'zh').length;
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(Math.abs(chinese - items.length / 2)).toBeLessThanOrEqual(items.length * 0.05);
    expect(items.filter((item) => item.labels.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  itKeepsQualityFloors(overall, {
    precision: PRECISION_FLOOR,
    recall: RECALL_FLOOR,
    stanceAccuracy: STANCE_ACCURACY_FLOOR,
  });
});
