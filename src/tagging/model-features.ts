/**
 * Features of the evidence model: what a linear classifier sees of an article. Text is normalised
 * as the rules see it (text-normaliser.ts: case, width, traditional -> simplified), then:
 *  - Latin words and word bigrams ("walks", "walks back");
 *  - in runs of Chinese characters, character bigrams and trigrams ("抵制", "不再扩");
 * each hashed (FNV-1a) into FEATURE_SPACE buckets. A feature vector is binary and scaled to unit
 * length, so long summaries do not outweigh headlines.
 */
import { normaliseText } from './text-normaliser';

const FEATURE_BITS = 17;
export const FEATURE_SPACE = 1 << FEATURE_BITS;

export interface SparseVector {
  /** Distinct bucket indexes, ascending. */
  indices: Int32Array;
  /** One value per index. */
  values: Float32Array;
}

const LATIN_WORD = /[a-z0-9]+/g;
const CHINESE_RUN = /[\u3400-\u9fff]+/g;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (FEATURE_SPACE - 1);
}

/** The feature strings of an article's text (before hashing), in text order, with repeats. */
export function featureNames(title: string, summary?: string | null): string[] {
  const text = normaliseText(`${title} . ${summary ?? ''}`);
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

/** An article's distinct feature names with their buckets (same order), and its vector. */
export interface ArticleFeatures {
  names: string[];
  buckets: number[];
  vector: SparseVector;
}

/**
 * Features computed once per article: scoring and the reasons of every proposal for it read the
 * same names and buckets (normalising and hashing per proposal cost more than scoring).
 */
export function articleFeatures(title: string, summary?: string | null): ArticleFeatures {
  const names = [...new Set(featureNames(title, summary))];
  const buckets = names.map(fnv1a);
  const distinct = [...new Set(buckets)].sort((a, b) => a - b);
  const value = distinct.length === 0 ? 0 : 1 / Math.sqrt(distinct.length);
  const vector = { indices: Int32Array.from(distinct), values: new Float32Array(distinct.length).fill(value) };
  return { names, buckets, vector };
}

/** The unit-length binary vector of an article. */
export function articleVector(title: string, summary?: string | null): SparseVector {
  return articleFeatures(title, summary).vector;
}
