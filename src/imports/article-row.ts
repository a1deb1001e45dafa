import { normaliseItem, NormalisedItem } from '../articles/article-normaliser';
import { parseFeedDate } from '../feeds/feed-mappers';

/** A row of an article file (JSON Lines or CSV), made ready to store or refused with a reason. */
export type RowOutcome =
  | { kind: 'item'; source: string; item: NormalisedItem }
  | { kind: 'refused'; refusal: RowRefusal }
  | { kind: 'before-since' };

/** Why a row was not imported: which row (1-based, as a person counts lines or records) and field. */
export interface RowRefusal {
  row: number;
  field: string;
  message: string;
}

export type ArticleField = 'title' | 'url' | 'published' | 'summary' | 'source' | 'language';

/**
 * Column names accepted for each field (lowercased, with spaces, dashes and underscores removed),
 * so exports of other tools (`link`, `pubDate`, `site`, `description`...) map without editing.
 */
const SYNONYMS: Record<ArticleField, string[]> = {
  title: ['title', 'headline', 'name'],
  url: ['url', 'link', 'href', 'permalink', 'articleurl'],
  published: ['published', 'publishedat', 'date', 'pubdate', 'datepublished', 'time', 'timestamp', 'created'],
  summary: ['summary', 'description', 'content', 'body', 'text', 'abstract'],
  source: ['source', 'site', 'feed', 'publisher', 'sitename', 'domain', 'outlet'],
  language: ['language', 'lang', 'locale'],
};

const FIELD_BY_KEY = new Map(
  (Object.entries(SYNONYMS) as [ArticleField, string[]][]).flatMap(([field, keys]) => keys.map((k) => [k, field])),
);

function keyOf(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '');
}

/** The article field a column name stands for, or undefined for columns we do not read. */
export function fieldForColumn(name: string): ArticleField | undefined {
  return FIELD_BY_KEY.get(keyOf(name));
}

export interface RowContext {
  row: number;
  /** --source: the source of rows that name none. */
  defaultSource: string | null;
  since: Date | null;
  now: Date;
}

function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Picks each field from a record whose keys are any of the synonyms; the first non-empty wins. */
function pickFields(record: Record<string, unknown>): Partial<Record<ArticleField, unknown>> {
  const fields: Partial<Record<ArticleField, unknown>> = {};
  for (const [name, value] of Object.entries(record)) {
    const field = fieldForColumn(name);
    if (field && fields[field] === undefined && value !== '' && value !== null) fields[field] = value;
  }
  return fields;
}

function refuse(row: number, field: string, message: string): RowOutcome {
  return { kind: 'refused', refusal: { row, field, message } };
}

/** Validates one record and normalises it exactly as a polled feed item is normalised. */
export function articleFromRecord(record: Record<string, unknown>, context: RowContext): RowOutcome {
  const fields = pickFields(record);
  const { row } = context;
  const url = text(fields.url);
  if (!url) return refuse(row, 'url', 'missing: every article needs its link (url, link)');
  if (!/^https?:\/\//i.test(url)) return refuse(row, 'url', `not an http(s) URL: ${JSON.stringify(url.slice(0, 200))}`);
  const title = text(fields.title);
  if (!title) return refuse(row, 'title', 'missing: every article needs a title');
  if (fields.published === undefined) return refuse(row, 'published', 'missing: every article needs its date');
  const published = parseFeedDate(text(fields.published));
  if (!published)
    return refuse(row, 'published', `not a date: ${JSON.stringify(printable(fields.published).slice(0, 100))}`);
  if (context.since && published < context.since) return { kind: 'before-since' };
  const source = text(fields.source) ?? context.defaultSource;
  if (!source) return refuse(row, 'source', 'missing: name the source in the row or with --source');
  const summary = fields.summary === undefined ? undefined : text(fields.summary);
  if (fields.summary !== undefined && summary === undefined && typeof fields.summary !== 'string')
    return refuse(row, 'summary', 'not text');
  const item = normaliseItem(
    { link: url, title, summaryHtml: summary, publishedAt: published, language: text(fields.language) },
    null,
    context.now,
  );
  if (!item.normalizedUrl) return refuse(row, 'url', `not a usable URL: ${JSON.stringify(url.slice(0, 200))}`);
  return { kind: 'item', source: source.slice(0, 200), item };
}

/** A refused value as the message quotes it: strings as they are, anything else as JSON. */
function printable(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
