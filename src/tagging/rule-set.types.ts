/**
 * The rule-set format: plain JSON, stored per trend and versioned in the database
 * (`rule_sets.rules`). One rule set says which text counts as evidence for one prediction, which
 * text vetoes it, and which words turn evidence into contradicting evidence.
 *
 * Pattern syntax (terms, requires, exclusions, stance cues all use it):
 *  - Text is normalised first (see text-normaliser.ts): case, width, traditional Chinese,
 *    dashes all fold, so "Open-Source", "open source" and "ＯＰＥＮ ＳＯＵＲＣＥ" are one pattern.
 *  - Latin words match whole words only ("ai" never fires inside "said"); a plain plural
 *    ("gpus", "clusters", "boxes") is accepted. End a pattern with "*" to accept any ending
 *    ("delay*" matches "delayed", "delays").
 *  - Chinese matches as a substring and must be at least two characters, so single very common
 *    characters cannot fire on their own.
 */
import { normaliseText } from './text-normaliser';

const RULE_SET_FORMAT = 1;

export interface RuleTerm {
  /** A word or phrase in any script. */
  text: string;
  /** What the term adds to the raw score (0 < weight <= 10); a hit in the title counts more. */
  weight: number;
  /** Co-occurrence: the term only counts when at least one of these also occurs in the article. */
  requires?: string[];
}

export interface RuleSet {
  format: typeof RULE_SET_FORMAT;
  /** What the rule set is for, for reviewers and admins. */
  description?: string;
  /** Minimum raw score (sum of weighted term hits) for an article to count as evidence. */
  threshold: number;
  terms: RuleTerm[];
  /** Any of these in the article vetoes the match for this prediction. */
  exclusions: string[];
  /** Any of these in a matching article makes it contradicting evidence (delay, ban, 推迟...). */
  stanceCues: string[];
}

export type RuleSetValidation = { ok: true; value: RuleSet } | { ok: false; errors: string[] };

/** A pattern after parsing: its normalised text and whether it accepts any word ending. */
export interface ParsedPattern {
  text: string;
  anyEnding: boolean;
}

const MAX_PATTERN_LENGTH = 80;
const MAX_TERMS = 500;
/** exclusions, stanceCues and a term's requires: checked before any item is, so a huge list costs nothing. */
const MAX_PATTERNS_PER_LIST = 500;
const MAX_DESCRIPTION_LENGTH = 2000;
const MAX_WEIGHT = 10;
const MAX_THRESHOLD = 100;
const KNOWN_FIELDS = new Set(['format', 'description', 'threshold', 'terms', 'exclusions', 'stanceCues']);
const KNOWN_TERM_FIELDS = new Set(['text', 'weight', 'requires']);
const LATIN_WORD_CHAR = /[a-z0-9]/;

/** Parses one pattern; throws a message (without the field path) when it is not usable. */
export function parsePattern(raw: string): ParsedPattern {
  const anyEnding = raw.trimEnd().endsWith('*');
  const text = normaliseText(anyEnding ? raw.trimEnd().slice(0, -1) : raw);
  if (text.length === 0) throw new Error('must not be empty');
  if (text.length > MAX_PATTERN_LENGTH) throw new Error(`must be at most ${MAX_PATTERN_LENGTH} characters`);
  if (text.includes('*')) throw new Error('"*" is only allowed at the end');
  if (anyEnding && !LATIN_WORD_CHAR.test(text[text.length - 1])) {
    throw new Error('"*" may only follow a Latin letter or digit');
  }
  if (anyEnding && text.length < 3) throw new Error('a "*" pattern needs at least 3 characters before the "*"');
  if (text.length < 2) throw new Error('must be at least 2 characters (single characters are too common)');
  return { text, anyEnding };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkPatternField(value: unknown, path: string, errors: string[]): string | undefined {
  if (typeof value !== 'string') {
    errors.push(`${path}: must be a string`);
    return undefined;
  }
  try {
    parsePattern(value);
    return value;
  } catch (error) {
    errors.push(`${path}: ${(error as Error).message}`);
    return undefined;
  }
}

function checkPatternList(value: unknown, path: string, errors: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_PATTERNS_PER_LIST) {
    errors.push(`${path}: must be an array of at most ${MAX_PATTERNS_PER_LIST} strings`);
    return [];
  }
  const patterns: string[] = [];
  value.forEach((item, index) => {
    const pattern = checkPatternField(item, `${path}[${index}]`, errors);
    if (pattern !== undefined) patterns.push(pattern);
  });
  return patterns;
}

function checkUnknownFields(value: Record<string, unknown>, known: Set<string>, path: string, errors: string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.has(key)) errors.push(`${path}${key}: unknown field`);
  }
}

function checkTerm(value: unknown, path: string, errors: string[]): RuleTerm | undefined {
  if (!isPlainObject(value)) {
    errors.push(`${path}: must be an object with text and weight`);
    return undefined;
  }
  checkUnknownFields(value, KNOWN_TERM_FIELDS, `${path}.`, errors);
  const text = checkPatternField(value.text, `${path}.text`, errors);
  const weight = value.weight;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0 || weight > MAX_WEIGHT) {
    errors.push(`${path}.weight: must be a number greater than 0 and at most ${MAX_WEIGHT}`);
  }
  const term: RuleTerm = { text: text ?? '', weight: weight as number };
  if (value.requires !== undefined) {
    term.requires = checkPatternList(value.requires, `${path}.requires`, errors);
    if (Array.isArray(value.requires) && value.requires.length === 0) {
      errors.push(`${path}.requires: must list at least one pattern when present`);
    }
  }
  return term;
}

function checkTerms(value: unknown, errors: string[]): RuleTerm[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_TERMS) {
    errors.push(`terms: must be an array of 1 to ${MAX_TERMS} terms`);
    return [];
  }
  const terms: RuleTerm[] = [];
  const firstIndexByText = new Map<string, number>();
  value.forEach((item, index) => {
    const term = checkTerm(item, `terms[${index}]`, errors);
    if (!term || term.text === '') return;
    const key = normaliseText(term.text);
    const earlier = firstIndexByText.get(key);
    if (earlier !== undefined) errors.push(`terms[${index}].text: duplicates terms[${earlier}].text`);
    else firstIndexByText.set(key, index);
    terms.push(term);
  });
  return terms;
}

function checkThreshold(value: unknown, errors: string[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_THRESHOLD) {
    errors.push(`threshold: must be a number greater than 0 and at most ${MAX_THRESHOLD}`);
  }
  return value as number;
}

/** Validates untrusted input (admin API, database JSON) and returns a canonical RuleSet. */
export function validateRuleSet(input: unknown): RuleSetValidation {
  if (!isPlainObject(input)) return { ok: false, errors: ['(root): must be an object'] };
  const errors: string[] = [];
  checkUnknownFields(input, KNOWN_FIELDS, '', errors);
  if (input.format !== RULE_SET_FORMAT) errors.push(`format: must be ${RULE_SET_FORMAT}`);
  if (
    input.description !== undefined &&
    (typeof input.description !== 'string' || input.description.length > MAX_DESCRIPTION_LENGTH)
  ) {
    errors.push(`description: must be a string of at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  const value: RuleSet = {
    format: RULE_SET_FORMAT,
    threshold: checkThreshold(input.threshold, errors),
    terms: checkTerms(input.terms, errors),
    exclusions: checkPatternList(input.exclusions, 'exclusions', errors),
    stanceCues: checkPatternList(input.stanceCues, 'stanceCues', errors),
  };
  if (typeof input.description === 'string') value.description = input.description;
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
