/**
 * Quality of the seed rules over a held-out headline set, written without reading the rules or the
 * labelled set they were tuned on. The labelled-quality figures are optimistic because one author
 * wrote both the rules and that set; these are the honest ones. The floors sit just under what the
 * rules measured when the set was committed (measured minus 0.05, rounded down to 0.01). Do not
 * edit the held-out items to raise a figure: add new held-out items in a separate commit instead.
 */
import { byLanguage, figures, loadLabelledSet, measure } from './labelled-set-quality';

// Measured on 108 items (84 labelled pairs): precision 0.946, recall 0.833, stance accuracy 0.929;
// zh 0.949 / 0.881 / 0.892, en 0.943 / 0.786 / 0.970.
const PRECISION_FLOOR = 0.89;
const RECALL_FLOOR = 0.78;
const STANCE_ACCURACY_FLOOR = 0.87;

const items = loadLabelledSet('labelled-headlines-holdout.json');

describe('held-out headline quality', () => {
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

  it(`keeps precision at or above ${PRECISION_FLOOR}`, () => {
    expect(figures(overall).precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });

  it(`keeps recall at or above ${RECALL_FLOOR}`, () => {
    expect(figures(overall).recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });

  it(`gets the stance right for at least ${STANCE_ACCURACY_FLOOR} of the matches`, () => {
    expect(figures(overall).stanceAccuracy).toBeGreaterThanOrEqual(STANCE_ACCURACY_FLOOR);
  });
});
