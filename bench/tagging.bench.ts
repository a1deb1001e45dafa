/**
 * Tagging throughput on one core with all ten seed rule sets loaded.
 *
 * Corpus: the labelled headlines (title + summary), repeated and shuffled to ~24 MB of UTF-8,
 * each copy made a distinct flat string (as a feed parser or the database driver hands them
 * over) so nothing is cached between articles. The engine is timed over the whole corpus after a
 * warm-up, reading every match's `reason` as the tagging service does; the naive baseline (every
 * pattern its own RegExp, run over every article, same normalisation and same boundary rules) is
 * timed over a slice of the same corpus, because over all of it it would take minutes;
 * throughput is per byte either way.
 *
 * "On one core": the work runs on the main thread. Wall-clock figures (mbPerSec, articlesPerSec,
 * ratio) are only meaningful on an otherwise idle machine; the cpu* figures divide by the
 * process's CPU time (user + system, all threads, so GC helper threads count against the engine
 * too), which is what one core delivers whatever else shares the machine. See `timing` in the
 * JSON line.
 *
 * Run: npx ts-node --transpile-only bench/tagging.bench.ts  (prints one JSON line)
 */
import { readFileSync } from 'fs';
import { loadavg } from 'os';
import { join } from 'path';
import { SEED_RULES } from '../prisma/seed/rules';
import { compileRules, matchArticle } from '../src/tagging/matcher';
import { parsePattern } from '../src/tagging/rule-set.types';
import { normaliseText } from '../src/tagging/text-normaliser';
import { printFiguresOf } from './bench-support';

interface Article {
  title: string;
  summary: string;
}

export interface TaggingBenchFigures {
  bench: 'tagging';
  mbPerSec: number;
  articlesPerSec: number;
  naiveMbPerSec: number;
  ratio: number;
  corpusMb: number;
  articles: number;
  naiveSampleMb: number;
  /** Throughput over process CPU time (wall time is inflated when other processes share the cores). */
  cpuMbPerSec: number;
  cpuArticlesPerSec: number;
  naiveCpuMbPerSec: number;
  /** cpuMbPerSec / naiveCpuMbPerSec: the ratio on one core, robust to a shared machine. */
  cpuRatio: number;
  /** How the figures are measured, so the JSON line documents itself. */
  timing: string;
  /** One-minute load average when the run finished, to judge how shared the machine was. */
  loadAverage: number;
  patterns: number;
  matchesPerArticle: number;
  /** Kept so the baseline's work cannot be optimised away, and as a sanity figure. */
  naivePatternHitsPerArticle: number;
}

const TARGET_CORPUS_BYTES = 24 * 1024 * 1024;
const NAIVE_SAMPLE_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

/** Deterministic shuffle (mulberry32) so runs are comparable. */
function shuffled<T>(list: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = list.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function articleBytes(article: Article): number {
  return Buffer.byteLength(article.title, 'utf8') + Buffer.byteLength(article.summary, 'utf8');
}

/**
 * A flat (sequential) copy of a string. Concatenation gives V8 "cons" strings, which are flattened
 * (copied) on first read; text from a parser or database driver arrives flat, so the timed loop
 * should not pay for that copy.
 */
function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function buildCorpus(): { articles: Article[]; bytes: number } {
  const fixture = join(__dirname, '../tests/fixtures/labelled-headlines.json');
  const seedItems: Article[] = JSON.parse(readFileSync(fixture, 'utf8')).items;
  const articles: Article[] = [];
  let bytes = 0;
  for (let round = 0; bytes < TARGET_CORPUS_BYTES; round++) {
    for (const item of shuffled(seedItems, round + 1)) {
      // A distinct string per copy, as a real feed would give: no shared interned strings.
      const article = { title: flat(`${item.title} (${round})`), summary: flat(`${item.summary} `) };
      articles.push(article);
      bytes += articleBytes(article);
    }
  }
  return { articles, bytes };
}

function ruleEntries() {
  return Object.entries(SEED_RULES).map(([trendSlug, rules]) => ({ trendSlug, version: 1, rules }));
}

/** Every pattern of every rule set (terms, requires, exclusions, cues) as its own RegExp. */
function naivePatterns(): RegExp[] {
  const raw = Object.values(SEED_RULES).flatMap((rules) => [
    ...rules.terms.flatMap((term) => [term.text, ...(term.requires ?? [])]),
    ...rules.exclusions,
    ...rules.stanceCues,
  ]);
  return raw.map((text) => {
    const { text: pattern, anyEnding } = parsePattern(text);
    const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const left = /^[a-z0-9]/.test(pattern) ? '(?<![a-z0-9])' : '';
    const right = anyEnding || !/[a-z0-9]$/.test(pattern) ? '' : '(?:e?s)?(?![a-z0-9])';
    return new RegExp(`${left}${escaped}${right}`);
  });
}

/** Wall-clock and process CPU seconds; CPU time is reported too because shared machines are noisy. */
function timeSeconds(work: () => void): { wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  work();
  const cpu = process.cpuUsage(cpuBefore);
  return { wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: (cpu.user + cpu.system) / 1e6 };
}

function naiveSlice(articles: Article[]): { slice: Article[]; bytes: number } {
  const slice: Article[] = [];
  let bytes = 0;
  for (const article of articles) {
    if (bytes >= NAIVE_SAMPLE_BYTES) break;
    slice.push(article);
    bytes += articleBytes(article);
  }
  return { slice, bytes };
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export async function run(): Promise<TaggingBenchFigures> {
  const { articles, bytes } = buildCorpus();
  const matcher = compileRules(ruleEntries());
  let matches = 0;
  for (const article of articles.slice(0, 5000)) matchArticle(matcher, article); // warm-up (JIT)
  let reasonChars = 0;
  const engineSeconds = timeSeconds(() => {
    for (const article of articles) {
      const found = matchArticle(matcher, article);
      matches += found.length;
      // The tagging service stores every match's reason; read it, so building it is timed too.
      for (let i = 0; i < found.length; i++) reasonChars += found[i].reason.length;
    }
  });
  if (matches > 0 && reasonChars === 0) throw new Error('matches without reasons');

  const regexes = naivePatterns();
  const { slice, bytes: sliceBytes } = naiveSlice(articles);
  let naiveHits = 0;
  const naiveSeconds = timeSeconds(() => {
    for (const article of slice) {
      const title = normaliseText(article.title);
      const summary = normaliseText(article.summary);
      for (const regex of regexes) if (regex.test(title) || regex.test(summary)) naiveHits++;
    }
  });

  const mbPerSec = bytes / MB / engineSeconds.wall;
  const naiveMbPerSec = sliceBytes / MB / naiveSeconds.wall;
  return {
    bench: 'tagging',
    mbPerSec: round(mbPerSec),
    articlesPerSec: Math.round(articles.length / engineSeconds.wall),
    cpuMbPerSec: round(bytes / MB / engineSeconds.cpu),
    cpuArticlesPerSec: Math.round(articles.length / engineSeconds.cpu),
    naiveCpuMbPerSec: round(sliceBytes / MB / naiveSeconds.cpu, 3),
    cpuRatio: round(bytes / engineSeconds.cpu / (sliceBytes / naiveSeconds.cpu), 1),
    timing:
      'single thread; MB = 2^20 bytes of UTF-8 title+summary; mbPerSec/articlesPerSec/ratio over wall time, ' +
      'cpu* over process CPU time (user+system, all threads incl. GC), valid on a shared machine',
    loadAverage: round(loadavg()[0]),
    naiveMbPerSec: round(naiveMbPerSec, 3),
    ratio: round(mbPerSec / naiveMbPerSec, 1),
    corpusMb: round(bytes / MB),
    articles: articles.length,
    naiveSampleMb: round(sliceBytes / MB),
    patterns: regexes.length,
    matchesPerArticle: round(matches / articles.length, 3),
    naivePatternHitsPerArticle: round(naiveHits / slice.length, 2),
  };
}

if (require.main === module) printFiguresOf(run);
