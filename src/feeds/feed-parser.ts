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
  if (format === 'unknown') throw new FeedParseError('not-a-feed', 'The document has no RSS, Atom, RDF or JSON Feed root element');
  try {
    return PARSERS[format](format === 'json' ? text : stripDoctype(text));
  } catch (error) {
    return recoverFromParserError(error, format);
  }
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
