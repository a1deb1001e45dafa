/**
 * Momentum of a prediction: is the news paying it more attention than it used to?
 *
 * Pure arithmetic over daily rollups (never over evidence rows), so it can run per request.
 * The full rationale is in docs/momentum.md; the formula, per period t:
 *
 *   weighted_t = Σ scoreSum · w(status)           over supporting and contradicting rollups
 *                (w: accepted 1, pending 0.5, rejected 0)
 *   share_t    = weighted_t / articles_t          (0 when no articles were ingested)
 *   filtered_t = median(share_{t-2}, share_{t-1}, share_t)
 *                from the third period on, one odd period (spike or dip) never moves the median
 *   short_t    = EWMA(filtered, span 3)           alpha = 2 / (span + 1) = 0.5
 *   long_t     = EWMA(filtered, span 12)          alpha = 2 / 13; both seeded with filtered_0
 *   momentum_t = (short_t − long_t) / (short_t + long_t),   0 when both are 0
 *
 * momentum is bounded to [−1, 1] and is scale-free: doubling the article volume at a constant
 * share leaves it at 0. direction is 'rising' above +0.1, 'falling' below −0.1, else 'steady';
 * and always 'steady' when fewer than 5 accepted or pending evidence rows fall in the last 12 periods.
 */
import type { Period } from './periods';
import { DirectionTest, testDirection } from './trend-test';

export type EvidenceStatus = 'pending' | 'accepted' | 'rejected';
export type EvidenceStance = 'supports' | 'contradicts';
export type MomentumDirection = 'rising' | 'steady' | 'falling';
export type StatusWeights = Readonly<Record<EvidenceStatus, number>>;

/** Accepted evidence counts fully, unreviewed evidence half, rejected evidence not at all. */
const DEFAULT_STATUS_WEIGHTS: StatusWeights = Object.freeze({ accepted: 1, pending: 0.5, rejected: 0 });

export const MOMENTUM_PARAMETERS = Object.freeze({
  shortSpan: 3,
  longSpan: 12,
  /**
   * |momentum| beyond this is a direction: 0.1 means the short average is ~22% above (or ~18% below)
   * the long one. Simulated Poisson noise at 10 evidence rows a period crosses it ~3% of the time.
   */
  threshold: 0.1,
  /** Accepted + pending evidence rows needed in the last `longSpan` periods before naming a direction. */
  minEvidence: 5,
});

/** One rollup row: evidence for one trend on one UTC publication day, status and stance. */
export interface TrendDayRollup {
  day: string; // YYYY-MM-DD, UTC
  status: EvidenceStatus;
  stance: EvidenceStance;
  count: number;
  scoreSum: number;
}

/** Articles ingested on one UTC publication day, the denominator of share. */
export interface ArticleDayRollup {
  day: string; // YYYY-MM-DD, UTC
  count: number;
}

export interface BuildSeriesInput {
  periods: readonly Period[];
  trendDays: readonly TrendDayRollup[];
  articleDays: readonly ArticleDayRollup[];
  weights?: StatusWeights;
}

export interface SeriesPoint {
  periodStart: Date;
  periodEnd: Date;
  articles: number;
  /** Evidence rows of every status and stance. */
  evidence: number;
  supporting: number;
  contradicting: number;
  accepted: number;
  pending: number;
  rejected: number;
  weightedSupporting: number;
  weightedContradicting: number;
  /** weightedSupporting + weightedContradicting: attention either way counts as attention. */
  weightedEvidence: number;
  share: number;
  /** weightedSupporting / articles and weightedContradicting / articles: the two parts of share. */
  supportingShare: number;
  contradictingShare: number;
  momentum: number;
}

export interface MomentumSummary {
  score: number;
  direction: MomentumDirection;
  /** score minus previousScore. */
  change: number;
  /** Weighted (supporting − contradicting) / (supporting + contradicting) over the series; null when none. */
  balance: number | null;
  /** The last period's share. */
  share: number;
  /** Momentum of the period before the last one; 0 when there is none. */
  previousScore: number;
  /** The test `direction` comes from (trend-test.ts), over the last complete periods. */
  test: DirectionTest;
}

// Per-period sums, one Float64Array per column. Built as a literal so V8 sees one fixed shape.
interface Accumulators {
  articles: Float64Array;
  supporting: Float64Array;
  contradicting: Float64Array;
  weightedSupporting: Float64Array;
  weightedContradicting: Float64Array;
  /** Indexed by STATUS_ORDER. */
  byStatus: [accepted: Float64Array, pending: Float64Array, rejected: Float64Array];
}

const STATUS_ORDER = ['accepted', 'pending', 'rejected'] as const;

/** One point per period, zero-filled, with momentum computed causally (each point sees only its past). */
export function buildSeries(input: BuildSeriesInput): SeriesPoint[] {
  const { periods, weights = DEFAULT_STATUS_WEIGHTS } = input;
  const bounds = {
    starts: Float64Array.from(periods, (p) => p.start.getTime()),
    ends: Float64Array.from(periods, (p) => p.end.getTime()),
  };
  const sums = accumulateRollups(
    input,
    bounds,
    STATUS_ORDER.map((status) => weights[status]),
  );
  const points = periods.map((period, i) => toPoint(period, sums, i));
  fillMomentum(points);
  return points;
}

/**
 * The per-row hot loop: typed-array adds only, no allocation. Statuses go through an index and a
 * weight array because keyed access (sums[row.status]) made this loop several times slower.
 */
function accumulateRollups(
  input: BuildSeriesInput,
  bounds: PeriodBounds,
  statusWeights: readonly number[],
): Accumulators {
  const column = () => new Float64Array(bounds.starts.length);
  const sums: Accumulators = {
    articles: column(),
    supporting: column(),
    contradicting: column(),
    weightedSupporting: column(),
    weightedContradicting: column(),
    byStatus: [column(), column(), column()],
  };
  const locate = periodLocator(bounds);
  for (const row of input.trendDays) {
    const i = locate(row.day);
    const status = statusIndex(row.status);
    if (i < 0 || status < 0) continue; // outside the window, or an unknown status
    const weighted = row.scoreSum * statusWeights[status];
    if (row.stance === 'supports') {
      sums.supporting[i] += row.count;
      sums.weightedSupporting[i] += weighted;
    } else if (row.stance === 'contradicts') {
      sums.contradicting[i] += row.count;
      sums.weightedContradicting[i] += weighted;
    } else continue; // an unknown stance counts nowhere
    sums.byStatus[status][i] += row.count;
  }
  for (const row of input.articleDays) {
    const i = locate(row.day);
    if (i >= 0) sums.articles[i] += row.count;
  }
  return sums;
}

function statusIndex(status: string): number {
  return status === 'accepted' ? 0 : status === 'pending' ? 1 : status === 'rejected' ? 2 : -1;
}

/** Epoch ms of each period's start and (exclusive) end, for a search without Date objects. */
interface PeriodBounds {
  starts: Float64Array;
  ends: Float64Array;
}

/**
 * Maps a YYYY-MM-DD day to the period containing its 00:00 UTC (−1 outside or malformed). Rollups
 * arrive grouped by day, so the last answer is remembered: six rows for one day cost one parse.
 */
function periodLocator(bounds: PeriodBounds): (day: string) => number {
  let lastDay = '';
  let lastIndex = -1;
  return (day) => {
    if (day !== lastDay) {
      lastDay = day;
      lastIndex = periodIndexOf(utcDayMs(day), bounds);
    }
    return lastIndex;
  };
}

function toPoint(period: Period, sums: Accumulators, i: number): SeriesPoint {
  const weightedEvidence = sums.weightedSupporting[i] + sums.weightedContradicting[i];
  const articles = sums.articles[i];
  const [accepted, pending, rejected] = sums.byStatus;
  return {
    periodStart: period.start,
    periodEnd: period.end,
    articles,
    evidence: accepted[i] + pending[i] + rejected[i],
    supporting: sums.supporting[i],
    contradicting: sums.contradicting[i],
    accepted: accepted[i],
    pending: pending[i],
    rejected: rejected[i],
    weightedSupporting: sums.weightedSupporting[i],
    weightedContradicting: sums.weightedContradicting[i],
    weightedEvidence,
    share: articles > 0 ? weightedEvidence / articles : 0,
    supportingShare: articles > 0 ? sums.weightedSupporting[i] / articles : 0,
    contradictingShare: articles > 0 ? sums.weightedContradicting[i] / articles : 0,
    momentum: 0,
  };
}

/** Writes momentum_t into each point in one pass (formula in the file comment). */
function fillMomentum(points: SeriesPoint[]): void {
  const shortAlpha = 2 / (MOMENTUM_PARAMETERS.shortSpan + 1);
  const longAlpha = 2 / (MOMENTUM_PARAMETERS.longSpan + 1);
  let short = 0;
  let long = 0;
  points.forEach((point, t) => {
    const filtered = trailingMedian(points, t);
    short = t === 0 ? filtered : short + shortAlpha * (filtered - short);
    long = t === 0 ? filtered : long + longAlpha * (filtered - long);
    point.momentum = relativeDifference(short, long);
  });
}

/** Median of the shares at t-2..t; with fewer periods available, their mean. */
function trailingMedian(points: readonly SeriesPoint[], t: number): number {
  const c = points[t].share;
  if (t === 0) return c;
  const b = points[t - 1].share;
  if (t === 1) return (b + c) / 2;
  const a = points[t - 2].share;
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/** (short − long) / (short + long): bounded to [−1, 1] for non-negative inputs. */
function relativeDifference(short: number, long: number): number {
  const total = short + long;
  return total > 0 ? (short - long) / total : 0;
}

/**
 * The headline numbers for the last period of a series. `direction` comes from the test over the
 * last complete periods (those ending by `asOf`), which may read `history`, the periods just before
 * the series (the level test's baseline reaches 24 periods back, further than a short series);
 * the EWMA score stays for charts. An empty series is steady at 0.
 */
export function summariseMomentum(
  series: readonly SeriesPoint[],
  asOf?: Date,
  history: readonly SeriesPoint[] = [],
): MomentumSummary {
  const test = testDirection(testedPeriods(series, asOf, history).map(toTestPoint));
  const last = series[series.length - 1];
  if (last === undefined) {
    return { score: 0, direction: 'steady', change: 0, balance: null, share: 0, previousScore: 0, test };
  }
  const score = last.momentum;
  const previousScore = series.length > 1 ? series[series.length - 2].momentum : 0;
  return {
    score,
    direction: test.direction,
    change: score - previousScore,
    balance: evidenceBalance(series),
    share: last.share,
    previousScore,
    test,
  };
}

/** A period still running at asOf is left out of the test: its share is a partial week's. */
function completePeriods(series: readonly SeriesPoint[], asOf?: Date): readonly SeriesPoint[] {
  const last = series[series.length - 1];
  if (!asOf || !last || last.periodEnd.getTime() <= asOf.getTime()) return series;
  return series.slice(0, -1);
}

/** The complete periods the test reads: the history, then the series without a period still running. */
export function testedPeriods(
  series: readonly SeriesPoint[],
  asOf?: Date,
  history: readonly SeriesPoint[] = [],
): readonly SeriesPoint[] {
  return [...history, ...completePeriods(series, asOf)];
}

/** What the direction test reads of a period: weighted evidence, volume, counted rows. */
export function toTestPoint(point: SeriesPoint) {
  return { weighted: point.weightedEvidence, articles: point.articles, counted: point.accepted + point.pending };
}

/** Today's rule before issue 13, kept for the backtest beside the test: the EWMA score past ±0.1. */
export function ewmaDirection(series: readonly SeriesPoint[]): MomentumDirection {
  const last = series[series.length - 1];
  return last ? classifyMomentum(last.momentum, recentCountedEvidence(series)) : 'steady';
}

/** rising / falling beyond ±threshold, but only when enough evidence stands behind the number. */
function classifyMomentum(score: number, recentEvidence: number): MomentumDirection {
  const { threshold, minEvidence } = MOMENTUM_PARAMETERS;
  if (recentEvidence < minEvidence) return 'steady';
  if (score > threshold) return 'rising';
  if (score < -threshold) return 'falling';
  return 'steady';
}

/** Accepted + pending rows in the last longSpan periods: both sides of the comparison must be backed. */
function recentCountedEvidence(series: readonly SeriesPoint[]): number {
  let total = 0;
  for (let t = Math.max(0, series.length - MOMENTUM_PARAMETERS.longSpan); t < series.length; t++) {
    total += series[t].accepted + series[t].pending;
  }
  return total;
}

function evidenceBalance(series: readonly SeriesPoint[]): number | null {
  let supporting = 0;
  let contradicting = 0;
  for (const point of series) {
    supporting += point.weightedSupporting;
    contradicting += point.weightedContradicting;
  }
  const total = supporting + contradicting;
  return total > 0 ? (supporting - contradicting) / total : null;
}

/** Binary search over sorted, non-overlapping periods; −1 when none contains `ms`. */
function periodIndexOf(ms: number, { starts, ends }: PeriodBounds): number {
  if (Number.isNaN(ms)) return -1; // NaN fails every comparison below and would "match" a period
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (ms < starts[mid]) high = mid - 1;
    else if (ms >= ends[mid]) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** Parses YYYY-MM-DD (a longer ISO string is read by its date) to epoch ms at 00:00 UTC; NaN if malformed. */
function utcDayMs(day: string): number {
  if (day.length < 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return NaN;
  return Date.UTC(digits(day, 0, 4), digits(day, 5, 7) - 1, digits(day, 8, 10));
}

/** The decimal number in text[from, to), read with charCodeAt so no substrings are allocated. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}
