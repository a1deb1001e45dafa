import { DetectError, ParseError, parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { FeedParseError } from './feed-errors';
import { sniffFeedFormat, stripDoctype } from './feed-sniff';
import { mapAtomFeed, mapJsonFeed, mapRdfFeed, mapRssFeed } from './feed-mappers';

export interface ParsedItem {
  guid?: string;
  link?: string;
  title?: string;
  summaryHtml?: string;
  author?: string;
  /** UTC instant; absent when the feed gave none or gave something unparseable. */
  publishedAt?: Date;
  language?: string;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  siteUrl?: string;
  language?: string;
  ttlMinutes?: number;
  items: ParsedItem[];
}

const PARSERS: Record<FeedFormat, (text: string) => ParsedFeed> = {
  rss: (text) => mapRssFeed(parseRssFeed<string>(text)),
  atom: (text) => mapAtomFeed(parseAtomFeed<string>(text)),
  rdf: (text) => mapRdfFeed(parseRdfFeed<string>(text)),
  json: (text) => mapJsonFeed(parseJsonFeed<string>(text)),
};

/**
 * Parses a decoded feed with feedsmith (chosen by bench/parser-choice.bench.ts). feedsmith runs
 * fast-xml-parser with entity processing off and decodes only predefined and numeric entities; we
 * also strip the DOCTYPE, so DTD entities (billion laughs, external SYSTEM entities) never expand.
 */
export function parseFeed(text: string): ParsedFeed {
  const format = sniffFeedFormat(text);
  if (format === 'html') throw new FeedParseError('not-a-feed', 'The document is an HTML page, not a feed');
  if (format === 'unknown')
    throw new FeedParseError('not-a-feed', 'The document has no RSS, Atom, RDF or JSON Feed root element');
  const document = format === 'json' ? text : stripDoctype(text);
  try {
    return PARSERS[format](document);
  } catch (error) {
    if (format === 'rss' && isRssWithoutChannel(error, document)) return parseFeed(wrapInChannel(document));
    return recoverFromParserError(error, format);
  }
}

/**
 * Some old or hand-made RSS puts its items straight under <rss>, with no <channel>: feedsmith
 * then finds no feed at all, and the items would be dropped without a word. Wrapped in a channel,
 * they parse as the publisher meant.
 */
function isRssWithoutChannel(error: unknown, document: string): boolean {
  return (
    (error instanceof ParseError || error instanceof DetectError) &&
    !/<channel[\s>]/i.test(document) &&
    /<item[\s>]/i.test(document)
  );
}

function wrapInChannel(document: string): string {
  return document.replace(/<rss\b[^>]*>/i, (open) => `${open}<channel>`).replace(/<\/rss>\s*$/i, '</channel></rss>');
}

/**
 * feedsmith refuses documents in which it finds nothing it knows (`<rss></rss>`, an entry holding
 * only unknown elements). With a feed root element that is an empty feed, not a broken one.
 */
function recoverFromParserError(error: unknown, format: FeedFormat): ParsedFeed {
  const emptyButWellFormed = error instanceof ParseError || error instanceof DetectError;
  if (emptyButWellFormed && format !== 'json') return { format, items: [] };
  if (emptyButWellFormed) throw new FeedParseError('not-a-feed', 'The JSON document is not a JSON Feed');
  const cause = (error as Error).cause as Error | undefined;
  const detail = cause?.message ? `: ${cause.message}` : '';
  throw new FeedParseError('parse-error', `Malformed ${format} feed${detail}`.slice(0, 500));
}
