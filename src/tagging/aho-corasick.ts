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
  const children: Map<number, number>[] = [new Map()];
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

/** Full DFA rows for ASCII: delta(node, c) = goto(node, c), else delta(failure(node), c). */
function buildAsciiDelta(trie: TrieBuild, failure: Int32Array, order: number[]): Int32Array {
  const delta = new Int32Array(trie.children.length * ASCII_SIZE);
  for (const node of order) {
    for (let code = 0; code < ASCII_SIZE; code++) {
      const child = trie.children[node].get(code);
      if (child !== undefined) delta[node * ASCII_SIZE + code] = child;
      else if (node !== ROOT) delta[node * ASCII_SIZE + code] = delta[failure[node] * ASCII_SIZE + code];
    }
  }
  return delta;
}

/**
 * Non-ASCII DFA transitions that differ from the root's: a node inherits its failure target's
 * (which differ from the root's by construction) and adds its own trie edges on top.
 */
function nonAsciiEntries(trie: TrieBuild, failure: Int32Array, order: number[]): [number, number, number][] {
  const rows: Map<number, number>[] = new Array(trie.children.length);
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

export class AhoCorasick {
  private readonly asciiDelta: Int32Array;
  private readonly rootNonAscii: Int32Array;
  private readonly hashKeys: Float64Array;
  private readonly hashTargets: Int32Array;
  private readonly hashMask: number;
  private readonly outputOffsets: Int32Array;
  private readonly outputIds: Int32Array;

  constructor(patterns: readonly string[]) {
    const trie = buildTrie(patterns);
    const { failure, outputs, order } = linkFailures(trie);
    this.asciiDelta = buildAsciiDelta(trie, failure, order);
    this.rootNonAscii = new Int32Array(0x10000);
    for (const [code, child] of trie.children[ROOT]) if (code >= ASCII_SIZE) this.rootNonAscii[code] = child;
    const entries = nonAsciiEntries(trie, failure, order);
    this.hashMask = (1 << Math.ceil(Math.log2(entries.length * 2 + 2))) - 1;
    this.hashKeys = new Float64Array(this.hashMask + 1).fill(-1);
    this.hashTargets = new Int32Array(this.hashMask + 1);
    for (const [node, code, target] of entries) this.insert(node, code, target);
    this.outputOffsets = new Int32Array(outputs.length + 1);
    outputs.forEach((list, node) => (this.outputOffsets[node + 1] = this.outputOffsets[node] + list.length));
    this.outputIds = Int32Array.from(outputs.flat());
  }

  private slotOf(node: number, code: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & this.hashMask;
  }

  private insert(node: number, code: number, target: number): void {
    let slot = this.slotOf(node, code);
    while (this.hashKeys[slot] !== -1) slot = (slot + 1) & this.hashMask;
    this.hashKeys[slot] = node * 0x10000 + code;
    this.hashTargets[slot] = target;
  }

  private stepNonAscii(state: number, code: number): number {
    if (state !== ROOT) {
      const key = state * 0x10000 + code;
      for (let slot = this.slotOf(state, code); this.hashKeys[slot] !== -1; slot = (slot + 1) & this.hashMask) {
        if (this.hashKeys[slot] === key) return this.hashTargets[slot];
      }
    }
    return this.rootNonAscii[code];
  }

  /**
   * Appends every occurrence of every pattern to `found` as pairs (patternId, index of its last
   * code unit). A reusable array instead of a callback keeps the hot loop free of calls.
   */
  scan(codes: Uint16Array, length: number, found: number[]): void {
    const { asciiDelta, outputOffsets, outputIds } = this;
    let state = ROOT;
    for (let i = 0; i < length; i++) {
      const code = codes[i];
      state = code < ASCII_SIZE ? asciiDelta[state * ASCII_SIZE + code] : this.stepNonAscii(state, code);
      const end = outputOffsets[state + 1];
      for (let k = outputOffsets[state]; k < end; k++) found.push(outputIds[k], i);
    }
  }
}
