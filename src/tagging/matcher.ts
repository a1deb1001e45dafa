/**
 * The evidence-matching engine. `compileRules` turns every trend's rule set into one automaton
 * once; `matchArticle` reads an article's title and summary once each and says, per prediction,
 * whether the article is evidence, how strong, which way, and why.
 *
 * Scoring (documented here because reviewers see the number):
 *  - raw = sum over distinct matched terms of weight x 1.5 when the term is in the title,
 *    weight x 1 when it is only in the summary. A term whose `requires` list has no hit adds 0;
 *    a hit lying inside a longer hit of the same trend ("机器人" in "人形机器人") adds 0.
 *  - the trend matches when raw >= threshold and no exclusion occurs anywhere in the article.
 *  - score = 1 - 2^(-raw / threshold): 0.5 exactly at the threshold, 0.75 at twice it, tending
 *    to 1; so scores compare across trends whatever their weights.
 *  - stance is 'contradicts' when any of the trend's stance cues occurs, else 'supports'.
 */
import { CompiledMatcher, CompiledTrend, PatternInfo, WORD_CHAR } from './compiled-rules';
import { describeMatch, roundScore, ScoredTerm } from './match-explanation';
import { normaliseInto, normaliseText } from './text-normaliser';

export { compileRules } from './compiled-rules';
export type { CompiledMatcher, TrendRules } from './compiled-rules';

export const TITLE_WEIGHT = 1.5;
const SUMMARY_WEIGHT = 1;
const IN_TITLE = 1;
const IN_SUMMARY = 2;
const LETTER_S = 0x73;
const LETTER_E = 0x65;

export type Stance = 'supports' | 'contradicts';

export interface TrendMatch {
  trendSlug: string;
  ruleVersion: number;
  /** 0..1, see the scoring note at the top of this file. */
  score: number;
  stance: Stance;
  matchedTerms: string[];
  stanceCues: string[];
  reason: string;
}

export interface ArticleText {
  title: string;
  summary?: string | null;
}

/** What one article's scan found. Hits are flat quintuples: trend, term, field, start, end. */
interface ArticleScan {
  seenIds: number[];
  hits: number[];
}

function isWordAt(codes: Uint16Array, length: number, index: number): boolean {
  return index < length && WORD_CHAR[codes[index]] === 1;
}

/** Latin patterns must sit on word boundaries; a plain plural ("s", "es") is accepted. */
function onWordBoundaries(codes: Uint16Array, length: number, info: PatternInfo, endIndex: number): boolean {
  const start = endIndex - info.length + 1;
  if (info.checkLeftBoundary && start > 0 && WORD_CHAR[codes[start - 1]] === 1) return false;
  if (!info.checkRightBoundary || info.anyEnding) return true;
  const next = endIndex + 1;
  if (!isWordAt(codes, length, next)) return true;
  if (codes[next] === LETTER_S) return !isWordAt(codes, length, next + 1);
  return codes[next] === LETTER_E && isWordAt(codes, length, next + 1) && codes[next + 1] === LETTER_S && !isWordAt(codes, length, next + 2);
}

/** Normalises one field into the matcher's scratch buffer; returns its length. */
function normaliseField(matcher: CompiledMatcher, text: string): number {
  if (matcher.codes.length < text.length) matcher.codes = new Uint16Array(text.length * 2);
  const length = normaliseInto(text, matcher.codes);
  if (length >= 0) return length;
  const normalised = normaliseText(text); // rare: text that needs whole-string NFKC
  if (matcher.codes.length < normalised.length) matcher.codes = new Uint16Array(normalised.length * 2);
  for (let i = 0; i < normalised.length; i++) matcher.codes[i] = normalised.charCodeAt(i);
  return normalised.length;
}

function scanField(matcher: CompiledMatcher, text: string, field: number, scan: ArticleScan): void {
  const length = normaliseField(matcher, text);
  const { patterns, seenIn, codes, found, upperBound } = matcher;
  const fieldWeight = field === IN_TITLE ? TITLE_WEIGHT : SUMMARY_WEIGHT;
  found.length = 0;
  matcher.automaton.scan(codes, length, found);
  for (let i = 0; i < found.length; i += 2) {
    const patternId = found[i];
    const endIndex = found[i + 1];
    const info = patterns[patternId];
    if (!onWordBoundaries(codes, length, info, endIndex)) continue;
    if (seenIn[patternId] === 0) scan.seenIds.push(patternId);
    const firstInField = (seenIn[patternId] & field) === 0;
    seenIn[patternId] |= field;
    const roles = info.termRoles;
    for (let r = 0; r < roles.length; r++) {
      const role = roles[r];
      scan.hits.push(role.trendIndex, role.termIndex, field, endIndex - info.length + 1, endIndex);
      if (firstInField) upperBound[role.trendIndex] += role.weight * fieldWeight;
    }
  }
}

interface TermHit {
  termIndex: number;
  field: number;
  start: number;
  end: number;
}

function hitsOfTrend(scan: ArticleScan, trendIndex: number): TermHit[] {
  const hits: TermHit[] = [];
  for (let i = 0; i < scan.hits.length; i += 5) {
    if (scan.hits[i] !== trendIndex) continue;
    hits.push({ termIndex: scan.hits[i + 1], field: scan.hits[i + 2], start: scan.hits[i + 3], end: scan.hits[i + 4] });
  }
  return hits;
}

/**
 * Where each counted term was found (bit mask of fields). A hit inside a longer hit of the same
 * trend does not count on its own ("agent" inside "ai agent"); the same span found by two terms
 * counts once (earlier term wins); a term whose co-occurrence condition fails does not count.
 */
function countedTermFields(matcher: CompiledMatcher, trend: CompiledTrend, hits: TermHit[]): Map<number, number> {
  const requiresMet = (hit: TermHit) => {
    const required = trend.terms[hit.termIndex].requiredPatternIds;
    return !required || required.some((id) => matcher.seenIn[id] !== 0);
  };
  const valid = hits.filter(requiresMet);
  const covers = (other: TermHit, hit: TermHit) =>
    other.field === hit.field &&
    other.start <= hit.start &&
    other.end >= hit.end &&
    (other.end - other.start > hit.end - hit.start || other.termIndex < hit.termIndex);
  const fields = new Map<number, number>();
  for (const hit of valid) {
    if (valid.some((other) => other !== hit && covers(other, hit))) continue;
    fields.set(hit.termIndex, (fields.get(hit.termIndex) ?? 0) | hit.field);
  }
  return fields;
}

/** The trend's stance cues present in the article, in rule order; read from the few patterns seen. */
function cuesOfTrend(matcher: CompiledMatcher, seenIds: number[], trendIndex: number): string[] {
  const cueIndexes: number[] = [];
  for (const patternId of seenIds) {
    for (const role of matcher.patterns[patternId].cueRoles) if (role.trendIndex === trendIndex) cueIndexes.push(role.cueIndex);
  }
  return cueIndexes.sort((a, b) => a - b).map((index) => matcher.trends[trendIndex].cueDisplays[index]);
}

function evaluateTrend(matcher: CompiledMatcher, trendIndex: number, scan: ArticleScan): TrendMatch | null {
  const trend = matcher.trends[trendIndex];
  const hits = hitsOfTrend(scan, trendIndex);
  const seenIds = scan.seenIds;
  if (trend.exclusionPatternIds.some((id) => matcher.seenIn[id] !== 0)) return null;
  let raw = 0;
  const scored: ScoredTerm[] = [];
  for (const [termIndex, fields] of countedTermFields(matcher, trend, hits)) {
    const inTitle = (fields & IN_TITLE) !== 0;
    raw += trend.terms[termIndex].weight * (inTitle ? TITLE_WEIGHT : SUMMARY_WEIGHT);
    scored.push({ display: trend.terms[termIndex].display, inTitle });
  }
  if (raw < trend.threshold) return null;
  const stanceCues = cuesOfTrend(matcher, seenIds, trendIndex);
  const stance: Stance = stanceCues.length > 0 ? 'contradicts' : 'supports';
  scored.sort((a, b) => Number(b.inTitle) - Number(a.inTitle));
  return {
    trendSlug: trend.slug,
    ruleVersion: trend.version,
    score: roundScore(1 - Math.pow(2, -raw / trend.threshold)),
    stance,
    matchedTerms: scored.map((term) => term.display),
    stanceCues,
    reason: describeMatch(trend, stance, scored, stanceCues, raw),
  };
}

/** Matches one article against every compiled trend; results are ordered by score, highest first. */
export function matchArticle(matcher: CompiledMatcher, article: ArticleText): TrendMatch[] {
  const scan: ArticleScan = { seenIds: [], hits: [] };
  const { trends, upperBound, seenIn } = matcher;
  try {
    scanField(matcher, article.title, IN_TITLE, scan);
    scanField(matcher, article.summary ?? '', IN_SUMMARY, scan);
    const matches: TrendMatch[] = [];
    for (let trendIndex = 0; trendIndex < trends.length; trendIndex++) {
      if (upperBound[trendIndex] < trends[trendIndex].threshold) continue;
      const match = evaluateTrend(matcher, trendIndex, scan);
      if (match) matches.push(match);
    }
    return matches.length < 2 ? matches : matches.sort((a, b) => b.score - a.score || a.trendSlug.localeCompare(b.trendSlug));
  } finally {
    // Scratch state is shared across calls; clear only what this article touched.
    for (const id of scan.seenIds) seenIn[id] = 0;
    upperBound.fill(0);
  }
}
