/**
 * A multi-pattern string matcher (Aho-Corasick) over UTF-16 code units. All patterns of all
 * trends go into one automaton, so an article is read once however many rules are loaded.
 *
 * Layout, chosen for speed in V8: the automaton is a full DFA (no failure walk while scanning).
 * ASCII transitions are a dense table per node, because Latin text is most of what is scanned.
 * Non-ASCII (CJK) transitions would make dense rows huge, so they are a root row of 65,536
 * entries plus one open-addressing hash of the few (node, character) pairs whose target differs
 * from the root's.
 */

const ASCII_SIZE = 128;
const ROOT = 0;

interface TrieBuild {
  children: Map<number, number>[];
  terminals: number[][];
}

function buildTrie(patterns: readonly string[]): TrieBuild {
  const children: Map<number, number>[] = [new Map<number, number>()];
  const terminals: number[][] = [[]];
  patterns.forEach((pattern, patternId) => {
    let node = ROOT;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let next = children[node].get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        terminals.push([]);
        children[node].set(code, next);
      }
      node = next;
    }
    terminals[node].push(patternId);
  });
  return { children, terminals };
}

interface Linked {
  failure: Int32Array;
  outputs: number[][];
  /** Nodes in breadth-first order, root first: a node's failure target always comes earlier. */
  order: number[];
}

/** Breadth-first order, failure links, and each node's outputs merged with its failure chain's. */
function linkFailures(trie: TrieBuild): Linked {
  const failure = new Int32Array(trie.children.length);
  const outputs = trie.terminals.map((list) => list.slice());
  const queue: number[] = [ROOT];
  for (const child of trie.children[ROOT].values()) queue.push(child);
  for (let head = 1; head < queue.length; head++) {
    const node = queue[head];
    for (const [code, child] of trie.children[node]) {
      let fallback = failure[node];
      while (fallback !== ROOT && !trie.children[fallback].has(code)) fallback = failure[fallback];
      const target = trie.children[fallback].get(code);
      failure[child] = target !== undefined && target !== child ? target : ROOT;
      outputs[child].push(...outputs[failure[child]]);
      queue.push(child);
    }
  }
  return { failure, outputs, order: queue };
}

/**
 * Renumbers nodes in breadth-first order (root 0, then depth 1, ...). Scanning spends nearly all
 * its time in the root and shallow nodes, so this keeps their table rows together and in cache.
 */
function renumber(trie: TrieBuild, linked: Linked): { trie: TrieBuild; linked: Linked } {
  const newId = new Int32Array(linked.order.length);
  linked.order.forEach((node, index) => (newId[node] = index));
  const children = new Array<Map<number, number>>(linked.order.length);
  const terminals = new Array<number[]>(linked.order.length);
  const outputs = new Array<number[]>(linked.order.length);
  const failure = new Int32Array(linked.order.length);
  for (const node of linked.order) {
    const id = newId[node];
    children[id] = new Map(Array.from(trie.children[node], ([code, child]) => [code, newId[child]]));
    terminals[id] = trie.terminals[node];
    outputs[id] = linked.outputs[node];
    failure[id] = newId[linked.failure[node]];
  }
  return {
    trie: { children, terminals },
    linked: { failure, outputs, order: linked.order.map((_, index) => index) },
  };
}

/**
 * Character classes: 0 for every code unit no pattern contains (from any state it leads back to
 * the root), 1..n-1 for the ASCII code units patterns contain, and NON_ASCII_CLASS for the
 * non-ASCII ones patterns contain (looked up in the hash). Dense rows are n wide, not 128.
 */
const NON_ASCII_CLASS = 0xffff;

function buildClasses(trie: TrieBuild): { classOf: Uint16Array; asciiClasses: number } {
  const classOf = new Uint16Array(0x10000);
  let asciiClasses = 1;
  const used = new Set<number>();
  for (const row of trie.children) for (const code of row.keys()) used.add(code);
  for (const code of Array.from(used).sort((a, b) => a - b)) {
    classOf[code] = code < ASCII_SIZE ? asciiClasses++ : NON_ASCII_CLASS;
  }
  return { classOf, asciiClasses };
}

/** Full DFA rows over the ASCII classes: delta(node, c) = goto(node, c), else delta(failure(node), c). */
function buildAsciiDelta(
  trie: TrieBuild,
  failure: Int32Array,
  order: number[],
  classOf: Uint16Array,
  width: number,
): Int32Array {
  const delta = new Int32Array(trie.children.length * width);
  for (const node of order) {
    if (node !== ROOT) delta.copyWithin(node * width, failure[node] * width, failure[node] * width + width);
    for (const [code, child] of trie.children[node]) if (code < ASCII_SIZE) delta[node * width + classOf[code]] = child;
  }
  return delta;
}

/**
 * Non-ASCII DFA transitions that differ from the root's: a node inherits its failure target's
 * (which differ from the root's by construction) and adds its own trie edges on top.
 */
function nonAsciiEntries(trie: TrieBuild, failure: Int32Array, order: number[]): [number, number, number][] {
  const rows = new Array<Map<number, number>>(trie.children.length);
  rows[ROOT] = new Map();
  const entries: [number, number, number][] = [];
  for (const node of order) {
    if (node === ROOT) continue;
    const row = new Map(rows[failure[node]]);
    for (const [code, child] of trie.children[node]) if (code >= ASCII_SIZE) row.set(code, child);
    rows[node] = row;
    for (const [code, target] of row) entries.push([node, code, target]);
  }
  return entries;
}

/** Reusable output of `AhoCorasick.scanInto`: `count` ints of (patternId, end index) pairs. */
export class PatternHits {
  pairs: Int32Array = new Int32Array(256);
  count = 0;

  /** Makes room for `extra` more ints, keeping what is there. */
  reserve(extra: number): Int32Array {
    if (this.count + extra > this.pairs.length) {
      const grown = new Int32Array(Math.max(this.pairs.length * 2, this.count + extra));
      grown.set(this.pairs.subarray(0, this.count));
      this.pairs = grown;
    }
    return this.pairs;
  }
}

/**
 * States are encoded for the scan loop as the offset of the node's row in the dense table
 * (node x width, so no multiplication per character), bit-inverted (negative) when the node has
 * outputs, so a single sign test per character says whether anything ends there.
 */
export class AhoCorasick {
  private readonly classOf: Uint16Array;
  private readonly width: number;
  private readonly asciiDelta: Int32Array;
  private readonly rootNonAscii: Int32Array;
  private readonly hashKeys: Float64Array;
  private readonly hashTargets: Int32Array;
  private readonly hashMask: number;
  private readonly outputOffsets: Int32Array;
  private readonly outputIds: Int32Array;

  constructor(patterns: readonly string[]) {
    const built = buildTrie(patterns);
    const { trie, linked } = renumber(built, linkFailures(built));
    const { failure, outputs, order } = linked;
    const { classOf, asciiClasses: width } = buildClasses(trie);
    const encode = (node: number) => (outputs[node].length > 0 ? ~(node * width) : node * width);
    this.classOf = classOf;
    this.width = width;
    this.asciiDelta = buildAsciiDelta(trie, failure, order, classOf, width).map(encode);
    this.rootNonAscii = new Int32Array(0x10000);
    for (const [code, child] of trie.children[ROOT]) if (code >= ASCII_SIZE) this.rootNonAscii[code] = encode(child);
    const entries = nonAsciiEntries(trie, failure, order);
    this.hashMask = (1 << Math.ceil(Math.log2(entries.length * 2 + 2))) - 1;
    this.hashKeys = new Float64Array(this.hashMask + 1).fill(-1);
    this.hashTargets = new Int32Array(this.hashMask + 1);
    for (const [node, code, target] of entries) this.insert(node * width, code, encode(target));
    this.outputOffsets = new Int32Array(outputs.length + 1);
    outputs.forEach((list, node) => (this.outputOffsets[node + 1] = this.outputOffsets[node] + list.length));
    this.outputIds = Int32Array.from(outputs.flat());
  }

  private slotOf(row: number, code: number): number {
    return (Math.imul(row, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & this.hashMask;
  }

  private insert(row: number, code: number, target: number): void {
    let slot = this.slotOf(row, code);
    while (this.hashKeys[slot] !== -1) slot = (slot + 1) & this.hashMask;
    this.hashKeys[slot] = row * 0x10000 + code;
    this.hashTargets[slot] = target;
  }

  /** A non-ASCII code unit that some pattern contains (all others lead to the root). */
  private stepNonAscii(row: number, code: number): number {
    if (row !== ROOT) {
      const key = row * 0x10000 + code;
      for (let slot = this.slotOf(row, code); this.hashKeys[slot] !== -1; slot = (slot + 1) & this.hashMask) {
        if (this.hashKeys[slot] === key) return this.hashTargets[slot];
      }
    }
    return this.rootNonAscii[code];
  }

  /**
   * Writes every occurrence of every pattern to `out` as pairs (patternId, index of its last
   * code unit), in text order; `out.count` is reset first. No allocation unless `out` must grow.
   */
  scanInto(codes: Uint16Array, length: number, out: PatternHits): void {
    const { classOf, width, asciiDelta, outputOffsets, outputIds } = this;
    let pairs = out.pairs;
    let count = 0;
    let row = ROOT;
    for (let i = 0; i < length; i++) {
      const code = codes[i];
      const cls = classOf[code];
      const next = cls !== NON_ASCII_CLASS ? asciiDelta[row + cls] : this.stepNonAscii(row, code);
      if (next >= 0) {
        row = next;
        continue;
      }
      row = ~next;
      const node = (row / width) | 0;
      let k = outputOffsets[node];
      const end = outputOffsets[node + 1];
      if (count + 2 * (end - k) > pairs.length) {
        out.count = count;
        pairs = out.reserve(2 * (end - k));
      }
      for (; k < end; k++) {
        pairs[count++] = outputIds[k];
        pairs[count++] = i;
      }
    }
    out.count = count;
  }

  /** As `scanInto`, appending the pairs to an ordinary array (convenient, not for hot paths). */
  scan(codes: Uint16Array, length: number, found: number[]): void {
    const out = new PatternHits();
    this.scanInto(codes, length, out);
    for (let i = 0; i < out.count; i++) found.push(out.pairs[i]);
  }
}
