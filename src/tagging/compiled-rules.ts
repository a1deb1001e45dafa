/**
 * Compilation of every trend's rule set into one automaton plus flat per-trend tables, so that
 * matching an article needs one pass over its text and no per-term work for trends it cannot hit.
 * Identical patterns (e.g. "ai" used by several trends) share one entry in the automaton.
 */
import { AhoCorasick } from './aho-corasick';
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
}

export interface CompiledMatcher {
  readonly automaton: AhoCorasick;
  readonly patterns: PatternInfo[];
  readonly trends: CompiledTrend[];
  /** Scratch, reset after each article: where each pattern was seen (bit 1 title, bit 2 summary). */
  readonly seenIn: Uint8Array;
  /** Scratch: the normalised text of the field being scanned; grown on demand. */
  codes: Uint16Array;
  /** Scratch: (patternId, endIndex) pairs found in the field being scanned. */
  readonly found: number[];
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
  return {
    slug: entry.trendSlug,
    version: entry.version,
    threshold: rules.threshold,
    terms,
    exclusionPatternIds: rules.exclusions.map((raw) => registry.idOf(raw)),
    cueDisplays: rules.stanceCues.map((raw, cueIndex) => {
      registry.infos[registry.idOf(raw)].cueRoles.push({ trendIndex, cueIndex });
      return displayText(raw);
    }),
  };
}

/** Compiles all trends' rule sets into one matcher. Rule sets should be validated beforehand. */
export function compileRules(ruleSets: readonly TrendRules[]): CompiledMatcher {
  const registry = new PatternRegistry();
  const trends = ruleSets.map((entry, index) => {
    try {
      return compileTrend(entry, index, registry);
    } catch (error) {
      throw new Error(`rules of ${entry.trendSlug} v${entry.version} do not compile: ${(error as Error).message}`);
    }
  });
  return {
    automaton: new AhoCorasick(registry.texts),
    patterns: registry.infos,
    trends,
    seenIn: new Uint8Array(registry.texts.length),
    codes: new Uint16Array(4096),
    found: [],
    upperBound: new Float64Array(trends.length),
  };
}
