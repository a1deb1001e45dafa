/**
 * A prediction's verdict as of a date: its horizon, the interim assessment of the evidence known
 * then, and the resolution recorded by then, if any. Pure (see assessment.ts, horizons.ts).
 */
import { assess, AssessedItem, Assessment, AssessmentStatus, sourceOf } from './assessment';
import { daysToHorizon, Horizon, horizonFor } from './horizons';

export interface ResolutionRecord {
  id: number;
  trendId: number;
  outcome: string;
  rationaleZh: string | null;
  rationaleEn: string | null;
  evidenceIds: number[];
  beforeHorizon: boolean;
  resolvedBy: string;
  createdAt: Date;
}

export interface KnownItem {
  trendId: number;
  evidenceId: number;
  stance: string;
  score: number;
  url: string | null;
  publishedAt: number;
  /** When it was known as accepted: its publication or its review, whichever is later (epoch ms). */
  knownAt: number;
}

export interface Verdict {
  horizon: Horizon;
  status: AssessmentStatus;
  assessment: Assessment & { daysToHorizon: number; asOf: Date; resolution: ResolutionRecord | null };
  /** Every resolution recorded by asOf, oldest first (append-only history). */
  resolutions: ResolutionRecord[];
}

/** Known at asOf: the newest `window` published by then, and of those the ones accepted by then. */
function knownAt(itemsNewestFirst: readonly KnownItem[], asOf: Date, window: number): KnownItem[] {
  const at = asOf.getTime();
  return itemsNewestFirst
    .filter((i) => i.publishedAt <= at)
    .slice(0, window)
    .filter((i) => i.knownAt <= at);
}

export function buildVerdict(
  trend: { id: number; slug: string },
  items: readonly KnownItem[],
  resolutions: readonly ResolutionRecord[],
  asOf: Date,
): Verdict {
  const horizon = horizonFor(trend.slug);
  const mine = resolutions.filter((r) => r.trendId === trend.id && r.createdAt.getTime() <= asOf.getTime());
  const resolution = mine[mine.length - 1] ?? null;
  const assessment = assess(items.filter((i) => i.trendId === trend.id).map(toAssessed));
  return {
    horizon,
    status: resolution ? 'resolved' : assessment.status,
    assessment: { ...assessment, daysToHorizon: daysToHorizon(horizon, asOf), asOf, resolution },
    resolutions: mine,
  };
}

function toAssessed(item: KnownItem): AssessedItem {
  return { source: sourceOf(item.url, `evidence:${item.evidenceId}`), stance: item.stance, score: item.score };
}

export interface MonthlyPoint {
  /** YYYY-MM: the assessment as of the end of this month (or asOf, for the current month). */
  month: string;
  status: AssessmentStatus;
  supportShare: number | null;
  accepted: number;
  distinctSources: number;
}

/**
 * How the interim assessment moved: as of each month's end from the report's month to asOf, from
 * what was known then, with the same newest-`window` bound the live assessment uses.
 */
export function monthlyHistory(
  trend: { id: number; slug: string },
  itemsNewestFirst: readonly KnownItem[],
  resolutions: readonly ResolutionRecord[],
  asOf: Date,
  window: number,
  fromMonth = '2024-07',
): MonthlyPoint[] {
  const mine = itemsNewestFirst.filter((i) => i.trendId === trend.id);
  return monthEnds(fromMonth, asOf).map(({ month, end }) => {
    const known = knownAt(mine, end, window);
    const verdict = buildVerdict(trend, known, resolutions, end);
    const { supportShare, accepted, distinctSources } = verdict.assessment;
    return { month, status: verdict.status, supportShare, accepted, distinctSources };
  });
}

function monthEnds(fromMonth: string, asOf: Date): { month: string; end: Date }[] {
  const out: { month: string; end: Date }[] = [];
  let cursor = new Date(`${fromMonth}-01T00:00:00Z`);
  while (cursor.getTime() <= asOf.getTime()) {
    const next = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
    const end = new Date(Math.min(next.getTime() - 1, asOf.getTime()));
    out.push({ month: cursor.toISOString().slice(0, 7), end });
    cursor = next;
  }
  return out;
}
