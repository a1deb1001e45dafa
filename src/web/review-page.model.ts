/**
 * The review desk's queue page from the admin API's own DTOs (EvidenceItemDto, AuditEntryDto).
 * Pure: links, the flash line after a decision, the filter form's current values.
 */
import type { Page } from '../common/pagination';
import { safeHttpUrl } from '../digests/renderers/render-helpers';
import type { AuditEntryDto, EvidenceItemDto } from '../evidence/evidence.dto';
import { formatNumber, hostOf, isoDay } from './web-format';
import { pageHref } from './web-href';
import type { Translate } from './web-messages';
import type { ReviewPageQuery } from './web-query.dto';

type Filters = Omit<ReviewPageQuery, 'lang' | 'view' | 'i' | 'done'>;

export interface DeskItem {
  id: number;
  title: string;
  url: string | null;
  source: string;
  day: string;
  stance: string;
  otherStance: string;
  score: string;
  status: string;
  trend: { number: number; slug: string; titleEn: string };
  terms: string[];
  cues: string[];
  reason: string | null;
  note: string | null;
  otherTags: EvidenceItemDto['otherTags'];
  detailsHref: string;
}

export interface ReviewQueuePage {
  view: 'one' | 'list';
  items: DeskItem[];
  current: DeskItem | null;
  index: number;
  prevHref: string | null;
  nextHref: string | null;
  nextPageHref: string | null;
  oneHref: string;
  listHref: string;
  flash: { text: string; undoId: number | null } | null;
  filters: Filters;
  trends: { number: number; slug: string; titleEn: string; titleZh: string }[];
  audit: AuditEntryDto[];
  back: string;
}

export function reviewQueuePage(
  input: {
    queue: Page<EvidenceItemDto>;
    trends: ReviewQueuePage['trends'];
    filters: Filters;
    view: 'one' | 'list';
    index: number;
    done: string | undefined;
    audit: AuditEntryDto[];
    back: string;
  },
  t: Translate,
): ReviewQueuePage {
  const { queue, filters, view } = input;
  const items = queue.data.map(deskItem);
  const index = Math.min(input.index, Math.max(0, items.length - 1));
  const at = (i: number, v = view) => pageHref('/review', { ...filters, view: v, i: i > 0 ? i : undefined });
  return {
    view,
    items,
    current: view === 'one' ? (items[index] ?? null) : null,
    index,
    prevHref: view === 'one' && index > 0 ? at(index - 1) : null,
    nextHref: view === 'one' && index < items.length - 1 ? at(index + 1) : null,
    nextPageHref: queue.nextCursor ? pageHref('/review', { ...filters, view, cursor: queue.nextCursor }) : null,
    oneHref: at(0, 'one'),
    listHref: at(0, 'list'),
    flash: flashFor(input.done, t),
    filters,
    trends: input.trends,
    audit: input.audit,
    back: pageHref('/review', { ...filters, view, i: view === 'one' && index > 0 ? index : undefined }),
  };
}

function deskItem(e: EvidenceItemDto): DeskItem {
  const feeds = e.article.feeds.map((f) => f.title).filter((title): title is string => Boolean(title));
  return {
    id: e.id,
    title: e.article.title,
    url: safeHttpUrl(e.article.url),
    source: feeds.join(', ') || hostOf(e.article.url) || '—',
    day: isoDay(e.article.publishedAt) ?? '',
    stance: e.stance,
    otherStance: e.stance === 'supports' ? 'contradicts' : 'supports',
    score: formatNumber(e.score),
    status: e.status,
    trend: e.trend,
    terms: e.matchedTerms,
    cues: e.matchedCues,
    reason: e.reason,
    note: e.note,
    otherTags: e.otherTags,
    detailsHref: `/review/evidence/${e.id}`,
  };
}

/** "12": item 12 was decided (undo offered); "u12": item 12 was undone; "n3": three decided in bulk. */
function flashFor(done: string | undefined, t: Translate): ReviewQueuePage['flash'] {
  if (!done) return null;
  const match = /^(u|n)?(\d{1,9})$/.exec(done);
  if (!match) return null;
  const value = Number(match[2]);
  if (match[1] === 'n') return { text: t('review.decidedMany', { count: value }), undoId: null };
  if (match[1] === 'u') return { text: t('review.undone', { id: value }), undoId: null };
  return { text: t('review.decided', { id: value }), undoId: value };
}
