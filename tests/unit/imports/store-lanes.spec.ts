import type { NormalisedItem } from '../../../src/articles/article-normaliser';
import { planLanes } from '../../../src/imports/store-lanes';

function item(url: string | null): NormalisedItem {
  return {
    itemKeyHash: `h-${url ?? Math.random()}`,
    url,
    normalizedUrl: url,
    title: 't',
    summary: '',
    author: null,
    language: null,
    publishedAt: new Date('2024-07-01T00:00:00Z'),
  } as NormalisedItem;
}

const groups = (spec: Record<string, (string | null)[]>) =>
  new Map(Object.entries(spec).map(([source, urls]) => [source, urls.map(item)]));

describe('planLanes', () => {
  it('keeps sources that share a story in one lane, in chunk order', () => {
    const lanes = planLanes(groups({ a: ['u1', 'u2'], b: ['u3'], c: ['u4', 'u1'], d: ['u5'], e: ['u3', 'u6'] }), 2);
    const laneOf = (source: string) => lanes.findIndex((lane) => lane.includes(source));
    expect(laneOf('a')).toBe(laneOf('c'));
    expect(laneOf('b')).toBe(laneOf('e'));
    for (const lane of lanes) expect([...lane].sort()).toEqual(lane);
    expect(lanes.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('links sources through a chain of shared stories', () => {
    const lanes = planLanes(groups({ a: ['u1'], b: ['u1', 'u2'], c: ['u2', 'u3'], d: ['u3'], e: ['u9'] }), 2);
    expect(lanes).toEqual([['a', 'b', 'c', 'd'], ['e']]);
  });

  it('balances unrelated sources by their item count, the heaviest first', () => {
    const lanes = planLanes(groups({ a: ['1', '2', '3', '4'], b: ['5', '6'], c: ['7', '8'], d: ['9'] }), 2);
    expect(lanes).toEqual([
      ['a', 'd'],
      ['b', 'c'],
    ]);
  });

  it('never links items without a link, and gives one lane everything in chunk order', () => {
    expect(planLanes(groups({ a: [null], b: [null] }), 2)).toHaveLength(2);
    expect(planLanes(groups({ b: ['1'], a: ['2'], c: ['3'] }), 1)).toEqual([['b', 'a', 'c']]);
  });

  it('opens no empty lane when there are fewer sources than lanes', () => {
    expect(planLanes(groups({ a: ['1'] }), 4)).toEqual([['a']]);
    expect(planLanes(new Map(), 2)).toEqual([]);
  });
});
