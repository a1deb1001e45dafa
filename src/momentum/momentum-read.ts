import type { ArticleDayRollup, EvidenceStance, EvidenceStatus, TrendDayRollup } from './momentum-math';
import type { MomentumWindow } from './momentum-window';
import { nextPeriodStart, periodStartOf } from './periods';

/**
 * The pure half of the one-statement reads (momentumStatement, scorecardStatement in momentum-read.sql.ts): their parameters from a
 * window, and their JSON row back into the rows the momentum maths reads. No database, no Nest.
 */

/** The fields of a prediction that momentum answers show. */
export interface MomentumTrend {
  id: number;
  number: number;
  slug: string;
  titleEn: string;
  titleZh: string;
}

export interface TrendPeriodRollup extends TrendDayRollup {
  trendId: number;
}

export interface StrongEvidenceRow {
  trendId: number;
  evidenceId: number;
  score: number;
  stance: string;
  publishedAt: Date;
  title: string;
  url: string | null;
}

export type MomentumReadWindow = Pick<MomentumWindow, 'interval' | 'asOf' | 'fromDay' | 'toDay'>;

export interface MomentumReadResult {
  /** Ordered by number; empty when the selected trend does not exist. */
  trends: MomentumTrend[];
  /** Per trend id: its rollups summed per period (a trend without any is absent). */
  periodsByTrend: Map<number, TrendPeriodRollup[]>;
  articlePeriods: ArticleDayRollup[];
  /** Per trend by score, strongest first (scorecard only). */
  strongest: StrongEvidenceRow[];
  /** Newest accepted or pending evidence per trend id (scorecard only). */
  lastEvidenceAt: Map<number, Date | null>;
}

/** A statement's one row: each column a JSON array, NULL when it has no elements (absent: not read). */
export interface MomentumReadRow {
  trends: [number, number, string, string, string][] | null;
  /** [trend id, week as days since 1970-01-01, then count and score sum per cell of WEEK_CELLS]. */
  weeks: number[][] | null;
  days: [number, string, string, string, number, number][] | null;
  articles: [string, number][] | null;
  strongest?: [number, number, number, string, number, string, string | null][] | null;
  last_evidence?: [number, number | null][] | null;
}

const DAY_MS = 86_400_000;

/** The six status x stance cells of a weekly row, in the column order the statements emit them. */
export const WEEK_CELLS = (['accepted', 'pending', 'rejected'] as const).flatMap((status) =>
  (['supports', 'contradicts'] as const).map((stance) => ({ status, stance })),
);

/** Parameters of momentumStatement: one trend by slug or number. */
export function momentumValues(trend: { slug: string } | { number: number }, window: MomentumReadWindow): unknown[] {
  return [...periodValues(window), 'slug' in trend ? trend.slug : null, 'number' in trend ? trend.number : null];
}

/** Parameters of scorecardStatement: every trend, with its strongest recent accepted evidence. */
export function scorecardValues(window: MomentumReadWindow, strongestPerTrend: number): unknown[] {
  return [...periodValues(window), window.asOf, strongestPerTrend];
}

function periodValues(window: MomentumReadWindow): unknown[] {
  return [window.fromDay, splitDay(window), window.toDay, window.interval];
}

/** Which period reads a request needs; each combination is its own prepared statement. */
export interface RollupParts {
  /** Whole weeks from trend_weekly_cells, before splitDay. */
  weeks: boolean;
  /** Days from trend_daily_rollups, splitDay to toDay. */
  days: boolean;
}

/**
 * A part whose range is empty is left out of the statement rather than passed an empty range:
 * see momentum-read.sql.ts for why.
 */
export function rollupParts(window: Pick<MomentumWindow, 'interval' | 'fromDay' | 'toDay'>): RollupParts {
  const split = splitDay(window); // ISO days compare as strings
  return { weeks: split > window.fromDay, days: split <= window.toDay };
}

/**
 * Weekly windows read whole weeks from the weekly rollups up to the week holding toDay, and that
 * last week from its days when toDay cuts it short (time travel to mid-week); so the split is
 * that week's Monday, or the day after toDay when the week is whole. Days and months read days only.
 */
export function splitDay(window: Pick<MomentumWindow, 'interval' | 'fromDay' | 'toDay'>): string {
  if (window.interval !== 'week') return window.fromDay;
  const last = new Date(`${window.toDay}T00:00:00Z`);
  const lastWeek = periodStartOf(last, 'week');
  const next = nextPeriodStart(lastWeek, 'week');
  const whole = next.getTime() - DAY_MS === last.getTime();
  return (whole ? next : lastWeek).toISOString().slice(0, 10);
}

export function decodeMomentumRead(row: MomentumReadRow): MomentumReadResult {
  return {
    trends: (row.trends ?? []).map(([id, number, slug, titleEn, titleZh]) => ({ id, number, slug, titleEn, titleZh })),
    periodsByTrend: groupByTrend([...weekRollups(row.weeks ?? []), ...(row.days ?? []).map(dayCell)]),
    articlePeriods: (row.articles ?? []).map(([day, count]) => ({ day, count })),
    strongest: (row.strongest ?? []).map(([trendId, evidenceId, score, stance, publishedAt, title, url]) => ({
      trendId,
      evidenceId,
      score,
      stance,
      publishedAt: new Date(publishedAt),
      title,
      url,
    })),
    lastEvidenceAt: new Map(
      (row.last_evidence ?? []).map(([trendId, at]) => [trendId, at === null ? null : new Date(at)]),
    ),
  };
}

/** Grouped once, so building ten series reads each rollup once rather than ten times. */
function groupByTrend(rows: TrendPeriodRollup[]): Map<number, TrendPeriodRollup[]> {
  const byTrend = new Map<number, TrendPeriodRollup[]>();
  for (const row of rows) {
    const list = byTrend.get(row.trendId);
    if (list) list.push(row);
    else byTrend.set(row.trendId, [row]);
  }
  return byTrend;
}

function dayCell([trendId, day, status, stance, count, scoreSum]: [
  number,
  string,
  string,
  string,
  number,
  number,
]): TrendPeriodRollup {
  return { trendId, day, status: status as EvidenceStatus, stance: stance as EvidenceStance, count, scoreSum };
}

/** Weekly rows back into per-cell rollups (empty cells dropped), labelled by their week's Monday. */
function weekRollups(weeks: number[][]): TrendPeriodRollup[] {
  const labels = new Map<number, string>(); // a request spans ~50 weeks: format each once
  const rows: TrendPeriodRollup[] = [];
  for (const week of weeks) {
    const trendId = week[0]!;
    const epochDay = week[1]!;
    let day = labels.get(epochDay);
    if (day === undefined) labels.set(epochDay, (day = new Date(epochDay * DAY_MS).toISOString().slice(0, 10)));
    WEEK_CELLS.forEach((cell, i) => {
      const count = week[2 + 2 * i]!;
      if (count !== 0)
        rows.push({ trendId, day: day!, status: cell.status, stance: cell.stance, count, scoreSum: week[3 + 2 * i]! });
    });
  }
  return rows;
}
