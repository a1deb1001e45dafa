/**
 * Aggregate tagging figures over a labelled headline set, split by the labelled stance. Pure:
 * the caller hands in what was found per item (rules, or rules plus the model's proposals); only
 * totals leave this file, so a blind set can be measured without anyone seeing its items.
 *
 * Per stance s (pairs are (article, prediction)):
 *  - recall: pairs labelled s that were found (any stance) / pairs labelled s;
 *  - precision: pairs tagged with stance s that carry a label (any stance) / pairs tagged s;
 *  - stanceAccuracy: pairs labelled s that were found with stance s / pairs labelled s found;
 *  - foundRight: pairs labelled s found with stance s (the count, and its share of pairs labelled s).
 */
export type Stance = 'supports' | 'contradicts';

export interface EvalItem {
  id: string;
  labels: { trend: string; stance: Stance }[];
}

export interface FoundPair {
  trend: string;
  stance: Stance;
}

interface Counts {
  labelled: number;
  found: number;
  foundRight: number;
  tagged: number;
  taggedLabelled: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000);

function emptyCounts(): Counts {
  return { labelled: 0, found: 0, foundRight: 0, tagged: 0, taggedLabelled: 0 };
}

function countItem(item: EvalItem, found: FoundPair[], counts: Record<Stance, Counts>): void {
  const expected = new Map(item.labels.map((label) => [label.trend, label.stance]));
  for (const pair of found) {
    counts[pair.stance].tagged++;
    if (expected.has(pair.trend)) counts[pair.stance].taggedLabelled++;
  }
  for (const [trend, stance] of expected) {
    counts[stance].labelled++;
    const hit = found.find((pair) => pair.trend === trend);
    if (!hit) continue;
    counts[stance].found++;
    if (hit.stance === stance) counts[stance].foundRight++;
  }
}

function figuresOf(c: Counts) {
  const precision = ratio(c.taggedLabelled, c.tagged);
  const recall = ratio(c.found, c.labelled);
  const f1 = precision + recall === 0 ? 0 : Math.round(((2 * precision * recall) / (precision + recall)) * 1000) / 1000;
  return {
    pairs: c.labelled,
    precision,
    recall,
    f1,
    stanceAccuracy: ratio(c.foundRight, c.found),
    foundWithRightStance: c.foundRight,
    foundWithRightStanceShare: ratio(c.foundRight, c.labelled),
  };
}

/** Figures per labelled stance and overall; `found(item)` says what the tagger found for an item. */
export function evaluateLabelledSet(items: readonly EvalItem[], found: (item: EvalItem) => FoundPair[]) {
  const counts: Record<Stance, Counts> = { supports: emptyCounts(), contradicts: emptyCounts() };
  let nearMisses = 0;
  let nearMissesTagged = 0;
  for (const item of items) {
    const pairs = dedupeByTrend(found(item));
    countItem(item, pairs, counts);
    if (item.labels.length === 0) {
      nearMisses++;
      if (pairs.length > 0) nearMissesTagged++;
    }
  }
  const all: Counts = emptyCounts();
  for (const c of Object.values(counts)) for (const key of Object.keys(all) as (keyof Counts)[]) all[key] += c[key];
  return {
    items: items.length,
    overall: figuresOf(all),
    supports: figuresOf(counts.supports),
    contradicts: figuresOf(counts.contradicts),
    nearMisses,
    nearMissesTagged,
  };
}

/** Precision of a ranked list of proposals at its top `k`: how many are a labelled pair with the right stance. */
export function precisionAtTop(
  proposals: { item: EvalItem; trend: string; stance: Stance; probability: number }[],
  k: number,
): { k: number; proposals: number; precision: number } {
  const top = [...proposals].sort((a, b) => b.probability - a.probability).slice(0, k);
  const right = top.filter((p) => p.item.labels.some((l) => l.trend === p.trend && l.stance === p.stance)).length;
  return { k, proposals: top.length, precision: ratio(right, top.length) };
}

function dedupeByTrend(pairs: FoundPair[]): FoundPair[] {
  const byTrend = new Map<string, FoundPair>();
  for (const pair of pairs) if (!byTrend.has(pair.trend)) byTrend.set(pair.trend, pair);
  return [...byTrend.values()];
}
