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
 *  - stance is 'contradicts' when one of the trend's stance cues occurs in scope and is not
 *    negated, else 'supports': in scope means in the title, or in the summary sentence that holds
 *    one of the trend's term hits (stance-scope.ts).
 */
import {
  ANY_ENDING,
  CHECK_LEFT,
  CHECK_RIGHT,
  CompiledMatcher,
  CUE_HIT_STRIDE,
  HIT_STRIDE,
  WORD_CHAR,
} from './compiled-rules';
import { explainMatch, roundScore } from './match-explanation';
import { isNegatedCue, sentenceEnd, sentenceStart } from './stance-scope';
import { normaliseInto, normaliseText } from './text-normaliser';

export { compileRules } from './compiled-rules';
export type { CompiledMatcher } from './compiled-rules';

const TITLE_WEIGHT = 1.5;
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

function isWordAt(codes: Uint16Array, length: number, index: number): boolean {
  return index < length && WORD_CHAR[codes[index]] === 1;
}

/** Latin patterns must sit on word boundaries; a plain plural ("s", "es") is accepted. */
function onWordBoundaries(
  codes: Uint16Array,
  length: number,
  patternLength: number,
  flags: number,
  endIndex: number,
): boolean {
  const start = endIndex - patternLength + 1;
  if ((flags & CHECK_LEFT) !== 0 && start > 0 && WORD_CHAR[codes[start - 1]] === 1) return false;
  if ((flags & CHECK_RIGHT) === 0 || (flags & ANY_ENDING) !== 0) return true;
  const next = endIndex + 1;
  if (!isWordAt(codes, length, next)) return true;
  if (codes[next] === LETTER_S) return !isWordAt(codes, length, next + 1);
  return (
    codes[next] === LETTER_E &&
    isWordAt(codes, length, next + 1) &&
    codes[next + 1] === LETTER_S &&
    !isWordAt(codes, length, next + 2)
  );
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

/** Scans one field: records patterns seen, term hits (in text order), and per-trend score bounds. */
function scanField(matcher: CompiledMatcher, text: string, field: number): void {
  const length = normaliseField(matcher, text);
  const { tables, seenIn, codes, scratch, upperBound } = matcher;
  const { termRoleStart, roleTrend, roleTerm, roleWeight, cueRoleStart } = tables;
  const fieldWeight = field === IN_TITLE ? TITLE_WEIGHT : SUMMARY_WEIGHT;
  const found = scratch.found;
  matcher.automaton.scanInto(codes, length, found);
  const pairs = found.pairs;
  for (let i = 0; i < found.count; i += 2) {
    const patternId = pairs[i];
    const endIndex = pairs[i + 1];
    const patternLength = tables.length[patternId];
    if (!onWordBoundaries(codes, length, patternLength, tables.flags[patternId], endIndex)) continue;
    const seen = seenIn[patternId];
    if (seen === 0) scratch.seenIds[scratch.seenCount++] = patternId;
    const firstInField = (seen & field) === 0;
    seenIn[patternId] = seen | field;
    const start = endIndex - patternLength + 1;
    if (cueRoleStart[patternId] !== cueRoleStart[patternId + 1]) {
      const from = sentenceStart(codes, start, length);
      scratch.addCueHit(patternId, field, from, sentenceEnd(codes, endIndex, length), isNegatedCue(codes, start, from));
    }
    for (let r = termRoleStart[patternId], end = termRoleStart[patternId + 1]; r < end; r++) {
      scratch.addHit(roleTrend[r], roleTerm[r], field, start, endIndex);
      if (firstInField) upperBound[roleTrend[r]] += roleWeight[r] * fieldWeight;
    }
  }
}

/**
 * Whether hit `other` hides hit `hit` (both offsets into scratch.hits, same trend): a hit inside a
 * longer hit of the same field does not count on its own ("agent" inside "ai agent"); the same
 * span found by two terms counts once (earlier term wins).
 */
function covers(hits: Int32Array, other: number, hit: number): boolean {
  const otherStart = hits[other + 3];
  const otherEnd = hits[other + 4];
  const start = hits[hit + 3];
  const end = hits[hit + 4];
  return (
    hits[other + 2] === hits[hit + 2] &&
    otherStart <= start &&
    otherEnd >= end &&
    (otherEnd - otherStart > end - start || hits[other + 1] < hits[hit + 1])
  );
}

/**
 * Fills scratch.countedTerms (in the order each term was first counted) and scratch.termFields
 * (bit mask of fields each counted term was found in); returns how many terms count. A term
 * whose co-occurrence condition fails does not count; see `covers` for hits hidden by others.
 */
function countTerms(matcher: CompiledMatcher, trendIndex: number): number {
  const { scratch, seenIn } = matcher;
  const { requiredStart, requiredIds } = matcher.trends[trendIndex];
  const { hits, hitCount, countedTerms, termFields } = scratch;
  const selected = scratch.selection(hitCount / HIT_STRIDE);
  let valid = 0;
  for (let at = 0; at < hitCount; at += HIT_STRIDE) {
    if (hits[at] !== trendIndex) continue;
    const term = hits[at + 1];
    let met = requiredStart[term] === requiredStart[term + 1];
    for (let r = requiredStart[term]; !met && r < requiredStart[term + 1]; r++) met = seenIn[requiredIds[r]] !== 0;
    if (met) selected[valid++] = at;
  }
  let counted = 0;
  for (let a = 0; a < valid; a++) {
    const hit = selected[a];
    let hidden = false;
    for (let b = 0; b < valid && !hidden; b++) hidden = b !== a && covers(hits, selected[b], hit);
    if (hidden) continue;
    const term = hits[hit + 1];
    if (termFields[term] === 0) countedTerms[counted++] = term;
    termFields[term] |= hits[hit + 2];
  }
  return counted;
}

/** Whether a cue hit speaks about the trend: in the title, or in a summary sentence holding one of its term hits. */
function cueInScope(matcher: CompiledMatcher, trendIndex: number, cueHit: number): boolean {
  const { cueHits, hits, hitCount } = matcher.scratch;
  if (cueHits[cueHit + 1] === IN_TITLE) return true;
  const from = cueHits[cueHit + 2];
  const to = cueHits[cueHit + 3];
  for (let at = 0; at < hitCount; at += HIT_STRIDE) {
    if (hits[at] === trendIndex && hits[at + 2] === IN_SUMMARY && hits[at + 3] >= from && hits[at + 4] < to)
      return true;
  }
  return false;
}

/** The trend's stance cues that count (in scope, not negated), in rule order, each once. */
function cuesOfTrend(matcher: CompiledMatcher, trendIndex: number): string[] {
  const { scratch, tables } = matcher;
  const { cueRoleStart, cueTrend, cueIndex } = tables;
  const { cues, cueHits } = scratch;
  let count = 0;
  for (let h = 0; h < scratch.cueHitCount; h += CUE_HIT_STRIDE) {
    if (cueHits[h + 4] === 1) continue;
    const patternId = cueHits[h];
    for (let r = cueRoleStart[patternId], end = cueRoleStart[patternId + 1]; r < end; r++) {
      if (cueTrend[r] !== trendIndex || !cueInScope(matcher, trendIndex, h)) continue;
      // insertion sort without duplicates: a handful of cues at most
      let at = count;
      while (at > 0 && cues[at - 1] > cueIndex[r]) at--;
      if (at > 0 && cues[at - 1] === cueIndex[r]) continue;
      cues.copyWithin(at + 1, at, count++);
      cues[at] = cueIndex[r];
    }
  }
  const displays = matcher.trends[trendIndex].cueDisplays;
  const result = new Array<string>(count);
  for (let i = 0; i < count; i++) result[i] = displays[cues[i]];
  return result;
}

function evaluateTrend(matcher: CompiledMatcher, trendIndex: number): TrendMatch | null {
  const trend = matcher.trends[trendIndex];
  const { seenIn, scratch } = matcher;
  const exclusions = trend.exclusionIds;
  for (let i = 0; i < exclusions.length; i++) if (seenIn[exclusions[i]] !== 0) return null;
  const counted = countTerms(matcher, trendIndex);
  const { countedTerms, termFields } = scratch;
  let raw = 0;
  let inTitleCount = 0;
  for (let i = 0; i < counted; i++) {
    const term = countedTerms[i];
    const inTitle = (termFields[term] & IN_TITLE) !== 0;
    if (inTitle) inTitleCount++;
    raw += trend.termWeights[term] * (inTitle ? TITLE_WEIGHT : SUMMARY_WEIGHT);
  }
  if (raw < trend.threshold) {
    for (let i = 0; i < counted; i++) termFields[countedTerms[i]] = 0;
    return null;
  }
  // Terms found in the title first, each group in the order the terms were first counted.
  const matchedTerms = new Array<string>(counted);
  let titleAt = 0;
  let summaryAt = inTitleCount;
  for (let i = 0; i < counted; i++) {
    const term = countedTerms[i];
    matchedTerms[(termFields[term] & IN_TITLE) !== 0 ? titleAt++ : summaryAt++] = trend.terms[term].display;
    termFields[term] = 0;
  }
  const stanceCues = cuesOfTrend(matcher, trendIndex);
  const stance: Stance = stanceCues.length > 0 ? 'contradicts' : 'supports';
  return {
    trendSlug: trend.slug,
    ruleVersion: trend.version,
    score: roundScore(1 - Math.pow(2, -raw / trend.threshold)),
    stance,
    matchedTerms,
    stanceCues,
    reason: explainMatch(trend, stance, matchedTerms, inTitleCount, stanceCues, raw),
  };
}

function byScoreThenSlug(a: TrendMatch, b: TrendMatch): number {
  return b.score - a.score || a.trendSlug.localeCompare(b.trendSlug);
}

/** Matches one article against every compiled trend; results are ordered by score, highest first. */
export function matchArticle(matcher: CompiledMatcher, article: ArticleText): TrendMatch[] {
  const { trends, upperBound, seenIn, scratch } = matcher;
  scratch.seenCount = 0;
  scratch.hitCount = 0;
  scratch.cueHitCount = 0;
  try {
    scanField(matcher, article.title, IN_TITLE);
    scanField(matcher, article.summary ?? '', IN_SUMMARY);
    let matches: TrendMatch[] | null = null;
    for (let trendIndex = 0; trendIndex < trends.length; trendIndex++) {
      if (upperBound[trendIndex] < trends[trendIndex].threshold) continue;
      const match = evaluateTrend(matcher, trendIndex);
      if (match) (matches ??= []).push(match);
    }
    if (matches === null) return [];
    return matches.length < 2 ? matches : matches.sort(byScoreThenSlug);
  } finally {
    // Scratch state is shared across calls; clear only what this article touched.
    for (let s = 0; s < scratch.seenCount; s++) seenIn[scratch.seenIds[s]] = 0;
    scratch.seenCount = 0;
    scratch.hitCount = 0;
    scratch.cueHitCount = 0;
    upperBound.fill(0);
  }
}
