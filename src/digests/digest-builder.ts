/**
 * Builds the stored content of a digest from numbers the caller has already gathered.
 * Pure: no clock, no database; the same input always gives the same digest.
 */
import type { EvidenceStance, MomentumDirection, MomentumSummary } from '../momentum/momentum-math';
import type {
  DigestContent,
  DigestEvidence,
  DigestFailedFeed,
  DigestMover,
  DigestOutlook,
  DigestTrend,
} from './digest.types';

/** A momentum change at least this large makes a mover even without a change of direction. */
const MOVER_CHANGE_THRESHOLD = 0.1;

export interface DigestEvidenceInput {
  title: string;
  url: string | null;
  publishedAt: Date | string;
  stance: EvidenceStance;
  score: number;
}

export interface DigestTrendInput {
  number: number;
  slug: string;
  titleEn: string;
  titleZh: string;
  /** summariseMomentum of the series up to the period start, and up to the period end. */
  momentumAtStart: Pick<MomentumSummary, 'score' | 'direction'>;
  momentumAtEnd: Pick<MomentumSummary, 'score' | 'direction'>;
  /** Evidence first seen in the period, by stance (rejected evidence excluded by the caller). */
  newSupporting: number;
  newContradicting: number;
  pendingReview: number;
  topEvidence: readonly DigestEvidenceInput[];
  /** Momentum per period, oldest first. */
  series: readonly number[];
  /** The verdict at the period end. */
  outlook?: Omit<DigestOutlook, 'label'>;
}

export interface DigestBuildInput {
  periodStart: Date;
  periodEnd: Date;
  generatedAt: Date;
  trends: readonly DigestTrendInput[];
  failedFeeds: readonly DigestFailedFeed[];
  moverThreshold?: number;
}

const DIRECTION_WORDS: Record<MomentumDirection, string> = {
  rising: 'accelerating',
  steady: 'steady',
  falling: 'cooling',
};

export function buildDigestContent(input: DigestBuildInput): DigestContent {
  const ordered = [...input.trends].sort((a, b) => a.number - b.number);
  const trends = ordered.map(toDigestTrend);
  const movers = selectMovers(ordered, input.moverThreshold ?? MOVER_CHANGE_THRESHOLD);
  const anyNewEvidence = trends.some((t) => t.newSupporting + t.newContradicting > 0);
  return {
    periodStart: input.periodStart.toISOString(),
    periodEnd: input.periodEnd.toISOString(),
    generatedAt: input.generatedAt.toISOString(),
    movers,
    trends,
    failedFeeds: [...input.failedFeeds].sort((a, b) => b.errors - a.errors || a.feedId - b.feedId),
    nothingMoved: movers.length === 0 && !anyNewEvidence,
  };
}

function toDigestTrend(input: DigestTrendInput): DigestTrend {
  const { momentumAtStart: start, momentumAtEnd: end } = input;
  return {
    number: input.number,
    slug: input.slug,
    titleEn: input.titleEn,
    titleZh: input.titleZh,
    momentum: {
      score: end.score,
      direction: end.direction,
      change: end.score - start.score,
      previousScore: start.score,
    },
    newSupporting: input.newSupporting,
    newContradicting: input.newContradicting,
    pendingReview: input.pendingReview,
    verdict: composeVerdict(end.direction, input.newSupporting, input.newContradicting),
    topEvidence: input.topEvidence.map(toDigestEvidence),
    series: [...input.series],
    ...(input.outlook ? { outlook: { ...input.outlook, label: outlookLabel(input.outlook) } } : {}),
  };
}

/** "resolved: partly" / "due in 40 days, on-track" / "due today, mixed" / "horizon passed 3 days ago, too-early". */
export function outlookLabel(o: Omit<DigestOutlook, 'label'>): string {
  if (o.status === 'resolved') return `resolved: ${o.outcome ?? 'unknown'}`;
  const days = Math.abs(o.daysToHorizon);
  const unit = days === 1 ? 'day' : 'days';
  const when =
    o.daysToHorizon > 0
      ? `due in ${days} ${unit}`
      : o.daysToHorizon === 0
        ? 'due today'
        : `horizon passed ${days} ${unit} ago`;
  return `${when}, ${o.status}`;
}

/**
 * "accelerating, 12 new supporting, 1 contradicting" / "steady, nothing new" / "cooling, 3 contradicting".
 */
export function composeVerdict(direction: MomentumDirection, newSupporting: number, newContradicting: number): string {
  const parts = [DIRECTION_WORDS[direction]];
  if (newSupporting > 0) parts.push(`${newSupporting} new supporting`);
  if (newContradicting > 0) parts.push(`${newContradicting} contradicting`);
  if (parts.length === 1) parts.push('nothing new');
  return parts.join(', ');
}

/** Trends that changed direction or moved at least `threshold`, biggest move first. */
function selectMovers(trends: readonly DigestTrendInput[], threshold: number): DigestMover[] {
  const changeOf = (t: DigestTrendInput) => t.momentumAtEnd.score - t.momentumAtStart.score;
  return trends
    .filter((t) => t.momentumAtEnd.direction !== t.momentumAtStart.direction || Math.abs(changeOf(t)) >= threshold)
    .sort((a, b) => Math.abs(changeOf(b)) - Math.abs(changeOf(a)) || a.number - b.number)
    .map((t) => ({
      slug: t.slug,
      number: t.number,
      titleEn: t.titleEn,
      titleZh: t.titleZh,
      direction: t.momentumAtEnd.direction,
      change: changeOf(t),
    }));
}

function toDigestEvidence(input: DigestEvidenceInput): DigestEvidence {
  return {
    title: input.title,
    url: input.url,
    publishedAt: input.publishedAt instanceof Date ? input.publishedAt.toISOString() : input.publishedAt,
    stance: input.stance,
    score: input.score,
  };
}
