/**
 * Measures candidate feed parsers on every file of the shared feed corpus, decoded exactly as the
 * fetcher decodes them. Prints one JSON line per parser. Run: npx ts-node --transpile-only bench/parser-choice.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { parseFeed as feedsmithParse } from 'feedsmith';
import RssParser from 'rss-parser';
import { parseFeed } from '../src/feeds/feed-parser';
import { decodeCorpusEntry, FEED_CORPUS_DIR, listCorpusEntries } from '../tests/support/feed-corpus';

export interface ParserFigures {
  bench: 'parser-choice';
  parser: string;
  files: number;
  parsed: number;
  items: number;
  errors: number;
  ms: number;
}

type ItemCounter = (text: string) => Promise<number>;

function countFeedsmithItems(text: string): number {
  const { feed } = feedsmithParse(text);
  const withItems = feed as { items?: unknown[]; entries?: unknown[] };
  return (withItems.items ?? withItems.entries ?? []).length;
}

const rssParser = new RssParser();

const candidates: Record<string, ItemCounter> = {
  'rss-parser': async (text) => (await rssParser.parseString(text)).items.length,
  feedsmith: async (text) => countFeedsmithItems(text),
  // Our wrapper around the chosen parser, to show what normalisation costs on top.
  'feed-parser (ours, feedsmith)': async (text) => parseFeed(text).items.length,
};

async function measure(parser: string, countItems: ItemCounter, texts: string[]): Promise<ParserFigures> {
  const figures: ParserFigures = {
    bench: 'parser-choice',
    parser,
    files: texts.length,
    parsed: 0,
    items: 0,
    errors: 0,
    ms: 0,
  };
  const started = performance.now();
  for (const text of texts) {
    try {
      figures.items += await countItems(text);
      figures.parsed += 1;
    } catch {
      figures.errors += 1;
    }
  }
  figures.ms = Math.round(performance.now() - started);
  return figures;
}

export async function run(): Promise<ParserFigures[]> {
  if (!FEED_CORPUS_DIR) {
    // A user's clone has no ../shared: say so in one line and let the other benches run.
    console.log(JSON.stringify({ bench: 'parser-choice', skipped: 'feed corpus not found: set FEED_CORPUS_DIR' }));
    return [];
  }
  const texts = listCorpusEntries().map(decodeCorpusEntry);
  const results: ParserFigures[] = [];
  for (const [parser, countItems] of Object.entries(candidates)) {
    await measure(parser, countItems, texts); // warm-up pass so JIT and lazy requires do not skew the first parser
    const figures = await measure(parser, countItems, texts);
    console.log(JSON.stringify(figures));
    results.push(figures);
  }
  return results;
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
