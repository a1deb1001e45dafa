import type { NormalisedItem } from '../articles/article-normaliser';

/**
 * Splits a chunk's sources into at most `lanes` lists stored side by side, each on a database
 * connection of its own: one store statement waits for the app to send the next (the app is
 * also tagging and reading) less often when another is running meanwhile.
 *
 * Sources that share a story (a normalised URL) within the chunk go to the same lane, in chunk
 * order, so the same source stores it first as when stored one by one: which source's title an
 * article keeps never depends on which connection was faster, and a resumed import ends with the
 * same rows. Stories already stored by earlier chunks are committed, the same for every lane.
 * Lanes are balanced by item count, heaviest group of sources first.
 */
export function planLanes(groups: ReadonlyMap<string, readonly NormalisedItem[]>, lanes: number): string[][] {
  const sources = [...groups.keys()];
  const root = sources.map((_, n) => n);
  const find = (n: number): number => {
    while (root[n] !== n) n = root[n] = root[root[n]!]!;
    return n;
  };
  const sourceOfUrl = new Map<string, number>();
  sources.forEach((source, n) => {
    for (const item of groups.get(source)!) {
      if (item.normalizedUrl === null) continue;
      const other = sourceOfUrl.get(item.normalizedUrl);
      if (other === undefined) sourceOfUrl.set(item.normalizedUrl, n);
      else root[find(n)] = find(other);
    }
  });
  const components = new Map<number, { members: number[]; items: number }>();
  sources.forEach((source, n) => {
    const key = find(n);
    const component = components.get(key) ?? { members: [], items: 0 };
    component.members.push(n);
    component.items += groups.get(source)!.length;
    components.set(key, component);
  });
  const filled = Array.from({ length: Math.max(1, lanes) }, () => ({ members: [] as number[], items: 0 }));
  for (const component of [...components.values()].sort((a, b) => b.items - a.items || a.members[0]! - b.members[0]!)) {
    const lightest = filled.reduce((best, lane) => (lane.items < best.items ? lane : best));
    lightest.members.push(...component.members);
    lightest.items += component.items;
  }
  return filled
    .filter((lane) => lane.members.length > 0)
    .map((lane) => lane.members.sort((a, b) => a - b).map((n) => sources[n]!));
}
