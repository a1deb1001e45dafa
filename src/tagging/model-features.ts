/**
 * Features of the evidence model: what a linear classifier sees of an article. Text is normalised
 * as the rules see it (text-normaliser.ts: case, width, traditional -> simplified), then:
 *  - Latin words and word bigrams ("walks", "walks back");
 *  - in runs of Chinese characters, character bigrams and trigrams ("抵制", "不再扩");
 * each hashed (FNV-1a) into FEATURE_SPACE buckets. A feature vector is binary and scaled to unit
 * length, so long summaries do not outweigh headlines.
 *
 * `featureNames` is the definition (and what a reviewer is shown); `articleVector` computes the
 * same buckets without building the strings. Every article is scored now, not only those using
 * the AI vocabulary, and building and hashing ~150 strings per article cost 60-80 us of the
 * ~90 us it took to score one (import bench text); a test checks both give the same vector.
 */
import { normaliseText } from './text-normaliser';

const FEATURE_BITS = 17;
export const FEATURE_SPACE = 1 << FEATURE_BITS;
const BUCKET_MASK = FEATURE_SPACE - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

export interface SparseVector {
  /** Distinct bucket indexes, ascending. */
  indices: Int32Array;
  /** One value per index. */
  values: Float32Array;
}

const LATIN_WORD = /[a-z0-9]+/g;
const CHINESE_RUN = /[\u3400-\u9fff]+/g;

/** FNV-1a of `text` continued from `state` (unmasked). */
function fnvContinue(state: number, text: string, from = 0, to = text.length): number {
  let hash = state;
  for (let i = from; i < to; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash;
}

function featureBucket(name: string): number {
  return (fnvContinue(FNV_OFFSET, name) >>> 0) & BUCKET_MASK;
}

/** The normalised text features are read from (and the topic test, so it is normalised once). */
export function articleText(title: string, summary?: string | null): string {
  return normaliseText(`${title} . ${summary ?? ''}`);
}

/** The feature strings of an article's text (before hashing), in text order, with repeats. */
export function featureNames(title: string, summary?: string | null): string[] {
  const text = articleText(title, summary);
  const names: string[] = [];
  for (const segment of text.split(/[^a-z0-9 ]+/)) {
    const words = segment.match(LATIN_WORD) ?? [];
    for (let i = 0; i < words.length; i++) {
      names.push(words[i]!);
      if (i > 0) names.push(`${words[i - 1]} ${words[i]}`);
    }
  }
  for (const run of text.match(CHINESE_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      names.push(run.slice(i, i + 2));
      if (i + 2 < run.length) names.push(run.slice(i, i + 3));
    }
  }
  return names;
}

const isLatinWordChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const isChinese = (c: number) => c >= 0x3400 && c <= 0x9fff;

/** Reused between calls: one article's buckets before sorting (grown when an article needs more). */
let scratch = new Int32Array(1024);

function pushBucket(count: number, hash: number): number {
  if (count === scratch.length) {
    const grown = new Int32Array(scratch.length * 2);
    grown.set(scratch);
    scratch = grown;
  }
  scratch[count] = (hash >>> 0) & BUCKET_MASK;
  return count + 1;
}

/**
 * The buckets of featureNames' strings, hashed as the text is walked once: a word's hash and, when
 * the word before it is in the same Latin segment, the bigram's (FNV-1a continued from the word
 * before and a space); in a Chinese run, each bigram and the trigram that extends it.
 */
function bucketsOf(text: string): Int32Array {
  let count = 0;
  let previousWord: number | null = null; // FNV state after the segment's previous word
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (isLatinWordChar(c)) {
      let end = i + 1;
      while (end < text.length && isLatinWordChar(text.charCodeAt(end))) end++;
      const word = fnvContinue(FNV_OFFSET, text, i, end);
      count = pushBucket(count, word);
      if (previousWord !== null)
        count = pushBucket(count, fnvContinue(Math.imul(previousWord ^ SPACE, FNV_PRIME), text, i, end));
      previousWord = word;
      i = end;
    } else if (c === SPACE) {
      i++;
    } else if (isChinese(c)) {
      previousWord = null;
      let end = i + 1;
      while (end < text.length && isChinese(text.charCodeAt(end))) end++;
      for (let k = i; k + 1 < end; k++) {
        const bigram = fnvContinue(FNV_OFFSET, text, k, k + 2);
        count = pushBucket(count, bigram);
        if (k + 2 < end) count = pushBucket(count, fnvContinue(bigram, text, k + 2, k + 3));
      }
      i = end;
    } else {
      // Anything else ends a Latin segment: no bigram across punctuation.
      previousWord = null;
      i++;
    }
  }
  return scratch.slice(0, count).sort();
}

/** The unit-length binary vector of an article. */
export function articleVector(title: string, summary?: string | null): SparseVector {
  return vectorOfText(articleText(title, summary));
}

/** The vector of an article's normalised text (articleText). */
export function vectorOfText(text: string): SparseVector {
  const sorted = bucketsOf(text);
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  const indices = sorted.subarray(0, distinct); // sorted is already this article's own copy
  const values = new Float32Array(distinct).fill(distinct === 0 ? 0 : 1 / Math.sqrt(distinct));
  return { indices, values };
}

/** An article's distinct feature names with their buckets (same order): for explaining a proposal. */
export interface NamedFeatures {
  names: string[];
  buckets: number[];
}

export function namedFeatures(title: string, summary?: string | null): NamedFeatures {
  const names = [...new Set(featureNames(title, summary))];
  return { names, buckets: names.map(featureBucket) };
}
