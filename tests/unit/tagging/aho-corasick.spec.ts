import { AhoCorasick, PatternHits } from '../../../src/tagging/aho-corasick';

function occurrences(automaton: AhoCorasick, text: string): string[] {
  const codes = Uint16Array.from(text, (char) => char.charCodeAt(0));
  const found: number[] = [];
  automaton.scan(codes, codes.length, found);
  const pairs: string[] = [];
  for (let i = 0; i < found.length; i += 2) pairs.push(`${found[i]}@${found[i + 1]}`);
  return pairs.sort();
}

function bruteForce(patterns: string[], text: string): string[] {
  const pairs: string[] = [];
  patterns.forEach((pattern, id) => {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1))
      pairs.push(`${id}@${at + pattern.length - 1}`);
  });
  return pairs.sort();
}

/** Deterministic pseudo-random strings over a small mixed Latin/CJK alphabet, so overlaps are frequent. */
function randomStrings(seed: number, count: number, maxLength: number): string[] {
  const alphabet = ['a', 'b', 'c', ' ', '机', '器', '人', '模', '型'];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 1 + Math.floor(next() * maxLength) },
      () => alphabet[Math.floor(next() * alphabet.length)],
    ).join(''),
  );
}

describe('AhoCorasick', () => {
  it('finds overlapping and nested patterns, Latin and CJK', () => {
    const automaton = new AhoCorasick(['机器人', '人形机器人', '器人', 'he', 'she', 'hers']);
    expect(occurrences(automaton, 'ushers 人形机器人')).toEqual(['0@11', '1@11', '2@11', '3@3', '4@3', '5@5'].sort());
  });

  it('reports exactly what a brute-force search reports, over random texts and patterns', () => {
    for (let round = 0; round < 30; round++) {
      const patterns = [...new Set(randomStrings(round + 1, 12, 4))];
      const automaton = new AhoCorasick(patterns);
      for (const text of randomStrings(round + 100, 20, 40)) {
        expect(occurrences(automaton, text)).toEqual(bruteForce(patterns, text));
      }
    }
  });

  it('finds nothing in text made of characters no pattern uses', () => {
    expect(occurrences(new AhoCorasick(['gpu', '算力']), 'xyz 你好 🤖')).toEqual([]);
  });

  it('scanInto reports the same pairs as scan, in text order, growing a small buffer as needed', () => {
    const patterns = ['a', 'aa', 'aaa', 'aaaa', '机器人', '器人', 'ai芯片', '芯片', 'gpu'];
    const automaton = new AhoCorasick(patterns);
    const text = 'aaaaaaaaaa ai芯片 机器人 gpus xyz';
    const codes = Uint16Array.from(text, (char) => char.charCodeAt(0));
    const out = new PatternHits();
    out.pairs = new Int32Array(2);
    automaton.scanInto(codes, codes.length, out);
    const pairs = Array.from(out.pairs.subarray(0, out.count));
    const ends = pairs.filter((_, i) => i % 2 === 1);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    const found: number[] = [];
    automaton.scan(codes, codes.length, found);
    expect(pairs).toEqual(found);
    const asStrings = [];
    for (let i = 0; i < pairs.length; i += 2) asStrings.push(`${pairs[i]}@${pairs[i + 1]}`);
    expect(asStrings.sort()).toEqual(bruteForce(patterns, text));
  });

  it('resets the count on every scan and scans only the given length', () => {
    const automaton = new AhoCorasick(['gpu', '算力']);
    const out = new PatternHits();
    const codes = Uint16Array.from('gpu 算力 gpu', (char) => char.charCodeAt(0));
    automaton.scanInto(codes, codes.length, out);
    expect(out.count).toBe(6);
    automaton.scanInto(codes, 3, out);
    expect(Array.from(out.pairs.subarray(0, out.count))).toEqual([0, 2]);
  });

  it('matches brute force over mixed ASCII and CJK patterns with many shared prefixes and suffixes', () => {
    const alphabet = ['a', 'b', '-', '机', '器', '人', 'z'];
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const word = (max: number) =>
      Array.from({ length: 1 + Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(
        '',
      );
    for (let round = 0; round < 20; round++) {
      const patterns = [...new Set(Array.from({ length: 40 }, () => word(6)))];
      const automaton = new AhoCorasick(patterns);
      for (let t = 0; t < 10; t++) {
        const text = word(200);
        expect(occurrences(automaton, text)).toEqual(bruteForce(patterns, text));
      }
    }
  });
});
