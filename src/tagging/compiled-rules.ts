/**
 * Compilation of every trend's rule set into one automaton plus flat per-trend tables, so that
 * matching an article needs one pass over its text and no per-term work for trends it cannot hit.
 * Identical patterns (e.g. "ai" used by several trends) share one entry in the automaton.
 */
import { AhoCorasick, PatternHits } from './aho-corasick';
import { parsePattern, RuleSet } from './rule-set.types';

export interface TrendRules {
  trendSlug: string;
  version: number;
  rules: RuleSet;
}

/** A trend that scores a pattern when it occurs. */
export interface TermRole {
  trendIndex: number;
  termIndex: number;
  weight: number;
}

export interface PatternInfo {
  length: number;
  anyEnding: boolean;
  checkLeftBoundary: boolean;
  checkRightBoundary: boolean;
  termRoles: TermRole[];
  /** Trends for which this pattern is a stance cue, with the cue's index in that trend. */
  cueRoles: { trendIndex: number; cueIndex: number }[];
}

export interface CompiledTerm {
  display: string;
  weight: number;
  /** Pattern ids of which at least one must occur; null when the term stands alone. */
  requiredPatternIds: number[] | null;
}

export interface CompiledTrend {
  slug: string;
  version: number;
  threshold: number;
  terms: CompiledTerm[];
  exclusionPatternIds: number[];
  cueDisplays: string[];
  /** Flat copies for the hot path: term weights, and term i's required pattern ids at requiredIds[requiredStart[i]..requiredStart[i+1]) (empty: stands alone). */
  termWeights: Float64Array;
  requiredStart: Int32Array;
  requiredIds: Int32Array;
  exclusionIds: Int32Array;
}

/** Per-pattern facts as flat arrays, so the per-hit work reads numbers, not objects. */
export interface PatternTables {
  length: Int32Array;
  /** Bits: CHECK_LEFT, CHECK_RIGHT, ANY_ENDING. */
  flags: Uint8Array;
  /** Pattern p's term roles are at index termRoleStart[p]..termRoleStart[p+1] of roleTrend/roleTerm/roleWeight. */
  termRoleStart: Int32Array;
  roleTrend: Int32Array;
  roleTerm: Int32Array;
  roleWeight: Float64Array;
  /** Pattern p's cue roles are at index cueRoleStart[p]..cueRoleStart[p+1] of cueTrend/cueIndex. */
  cueRoleStart: Int32Array;
  cueTrend: Int32Array;
  cueIndex: Int32Array;
}

export const CHECK_LEFT = 1;
export const CHECK_RIGHT = 2;
export const ANY_ENDING = 4;

/** Hits of terms: flat quintuples (trend, term, field, start, end). */
export const HIT_STRIDE = 5;

/** Hits of stance cues: flat quintuples (pattern, field, sentence start, sentence end, negated 0/1). */
export const CUE_HIT_STRIDE = 5;

/**
 * Per-article scratch, reused across articles so matching allocates only its results. Not
 * shared between concurrent callers: matching is synchronous, so this is safe in Node.
 */
class MatchScratch {
  /** The automaton's (patternId, endIndex) pairs for the field being scanned. */
  readonly found = new PatternHits();
  /** Distinct patterns seen in the article (on word boundaries), in the order first seen. */
  readonly seenIds: Int32Array;
  seenCount = 0;
  hits: Int32Array = new Int32Array(64 * HIT_STRIDE);
  hitCount = 0;
  /** Per trend being evaluated: the selected hit offsets, and counted terms in first-counted order. */
  selected: Int32Array = new Int32Array(64);
  readonly countedTerms: Int32Array;
  /** Per term of the trend being evaluated: fields it was counted in (0 = not counted); cleared after. */
  readonly termFields: Uint8Array;
  /** Cue indexes of the trend being evaluated. */
  readonly cues: Int32Array;
  /** Where each stance cue occurred, so its stance counts only in scope (stance-scope.ts). */
  cueHits: Int32Array = new Int32Array(16 * CUE_HIT_STRIDE);
  cueHitCount = 0;

  constructor(patternCount: number, maxTerms: number, maxCues: number) {
    this.seenIds = new Int32Array(patternCount);
    this.countedTerms = new Int32Array(maxTerms);
    this.termFields = new Uint8Array(maxTerms);
    this.cues = new Int32Array(Math.max(maxCues, 1));
  }

  addHit(trend: number, term: number, field: number, start: number, end: number): void {
    if (this.hitCount + HIT_STRIDE > this.hits.length) {
      const grown = new Int32Array(this.hits.length * 2);
      grown.set(this.hits);
      this.hits = grown;
    }
    const hits = this.hits;
    let at = this.hitCount;
    hits[at++] = trend;
    hits[at++] = term;
    hits[at++] = field;
    hits[at++] = start;
    hits[at++] = end;
    this.hitCount = at;
  }

  addCueHit(pattern: number, field: number, sentenceFrom: number, sentenceTo: number, negated: boolean): void {
    if (this.cueHitCount + CUE_HIT_STRIDE > this.cueHits.length) {
      const grown = new Int32Array(this.cueHits.length * 2);
      grown.set(this.cueHits);
      this.cueHits = grown;
    }
    const at = this.cueHitCount;
    this.cueHits[at] = pattern;
    this.cueHits[at + 1] = field;
    this.cueHits[at + 2] = sentenceFrom;
    this.cueHits[at + 3] = sentenceTo;
    this.cueHits[at + 4] = negated ? 1 : 0;
    this.cueHitCount = at + CUE_HIT_STRIDE;
  }

  /** Room for n selected hits of one trend. */
  selection(n: number): Int32Array {
    if (this.selected.length < n) this.selected = new Int32Array(n * 2);
    return this.selected;
  }
}

export interface CompiledMatcher {
  readonly automaton: AhoCorasick;
  readonly patterns: PatternInfo[];
  readonly tables: PatternTables;
  readonly trends: CompiledTrend[];
  /** Scratch, reset after each article: where each pattern was seen (bit 1 title, bit 2 summary). */
  readonly seenIn: Uint8Array;
  /** Scratch: the normalised text of the field being scanned; grown on demand. */
  codes: Uint16Array;
  /** Scratch for one article's scan and evaluation. */
  readonly scratch: MatchScratch;
  /** Scratch, reset after each article: per trend, the most its hits could score. */
  readonly upperBound: Float64Array;
}

/** Latin letters and digits (after case folding): the characters a word boundary separates. */
export const WORD_CHAR = new Uint8Array(0x10000);
for (let code = 0; code < 0x10000; code++) {
  const isAsciiWord = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  const isAccentedLatin = code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7;
  if (isAsciiWord || isAccentedLatin) WORD_CHAR[code] = 1;
}

/** Terms and cues are shown as written without the "*" ("delay", not "delay*"), so reasons read as words. */
function displayText(raw: string): string {
  return raw.trim().replace(/\*$/, '');
}

class PatternRegistry {
  readonly texts: string[] = [];
  readonly infos: PatternInfo[] = [];
  private readonly idByKey = new Map<string, number>();

  /** Returns the id of a pattern, registering it on first use. */
  idOf(raw: string): number {
    const parsed = parsePattern(raw);
    const key = `${parsed.anyEnding ? '*' : ''}${parsed.text}`;
    let id = this.idByKey.get(key);
    if (id === undefined) {
      id = this.texts.length;
      this.idByKey.set(key, id);
      this.texts.push(parsed.text);
      this.infos.push({
        length: parsed.text.length,
        anyEnding: parsed.anyEnding,
        checkLeftBoundary: WORD_CHAR[parsed.text.charCodeAt(0)] === 1,
        checkRightBoundary: WORD_CHAR[parsed.text.charCodeAt(parsed.text.length - 1)] === 1,
        termRoles: [],
        cueRoles: [],
      });
    }
    return id;
  }
}

function compileTrend(entry: TrendRules, trendIndex: number, registry: PatternRegistry): CompiledTrend {
  const { rules } = entry;
  const terms = rules.terms.map((term, termIndex): CompiledTerm => {
    registry.infos[registry.idOf(term.text)].termRoles.push({ trendIndex, termIndex, weight: term.weight });
    const requiredPatternIds = term.requires?.length ? term.requires.map((raw) => registry.idOf(raw)) : null;
    return { display: displayText(term.text), weight: term.weight, requiredPatternIds };
  });
  const requiredStart = new Int32Array(terms.length + 1);
  terms.forEach((term, i) => (requiredStart[i + 1] = requiredStart[i] + (term.requiredPatternIds?.length ?? 0)));
  const exclusionPatternIds = rules.exclusions.map((raw) => registry.idOf(raw));
  return {
    slug: entry.trendSlug,
    version: entry.version,
    threshold: rules.threshold,
    terms,
    exclusionPatternIds,
    cueDisplays: rules.stanceCues.map((raw, cueIndex) => {
      registry.infos[registry.idOf(raw)].cueRoles.push({ trendIndex, cueIndex });
      return displayText(raw);
    }),
    termWeights: Float64Array.from(terms, (term) => term.weight),
    requiredStart,
    requiredIds: Int32Array.from(terms.flatMap((term) => term.requiredPatternIds ?? [])),
    exclusionIds: Int32Array.from(exclusionPatternIds),
  };
}

function patternTables(infos: PatternInfo[]): PatternTables {
  const termRoles = infos.flatMap((info) => info.termRoles);
  const cueRoles = infos.flatMap((info) => info.cueRoles);
  const termRoleStart = new Int32Array(infos.length + 1);
  const cueRoleStart = new Int32Array(infos.length + 1);
  infos.forEach((info, id) => {
    termRoleStart[id + 1] = termRoleStart[id] + info.termRoles.length;
    cueRoleStart[id + 1] = cueRoleStart[id] + info.cueRoles.length;
  });
  return {
    length: Int32Array.from(infos, (info) => info.length),
    flags: Uint8Array.from(
      infos,
      (info) =>
        (info.checkLeftBoundary ? CHECK_LEFT : 0) |
        (info.checkRightBoundary ? CHECK_RIGHT : 0) |
        (info.anyEnding ? ANY_ENDING : 0),
    ),
    termRoleStart,
    roleTrend: Int32Array.from(termRoles, (role) => role.trendIndex),
    roleTerm: Int32Array.from(termRoles, (role) => role.termIndex),
    roleWeight: Float64Array.from(termRoles, (role) => role.weight),
    cueRoleStart,
    cueTrend: Int32Array.from(cueRoles, (role) => role.trendIndex),
    cueIndex: Int32Array.from(cueRoles, (role) => role.cueIndex),
  };
}

/** Compiles all trends' rule sets into one matcher. Rule sets should be validated beforehand. */
export function compileRules(ruleSets: readonly TrendRules[]): CompiledMatcher {
  const registry = new PatternRegistry();
  const trends = ruleSets.map((entry, index) => {
    try {
      return compileTrend(entry, index, registry);
    } catch (error) {
      throw new Error(`rules of ${entry.trendSlug} v${entry.version} do not compile: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
  const maxOf = (counts: number[]) => counts.reduce((max, count) => Math.max(max, count), 0);
  return {
    automaton: new AhoCorasick(registry.texts),
    patterns: registry.infos,
    tables: patternTables(registry.infos),
    trends,
    seenIn: new Uint8Array(registry.texts.length),
    codes: new Uint16Array(4096),
    scratch: new MatchScratch(
      registry.texts.length,
      maxOf(trends.map((trend) => trend.terms.length)),
      maxOf(trends.map((trend) => trend.cueDisplays.length)),
    ),
    upperBound: new Float64Array(trends.length),
  };
}
