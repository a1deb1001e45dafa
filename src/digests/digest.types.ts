/**
 * The stored shape of a digest (Digest.content). Dates are ISO-8601 strings and every field is plain
 * JSON, so what is rendered from the database is exactly what was built.
 */
import type { EvidenceStance, MomentumDirection } from '../momentum/momentum-math';

export type { EvidenceStance, MomentumDirection };

export interface DigestMomentum {
  /** Momentum at the end of the period, in [−1, 1] (see docs/momentum.md). */
  score: number;
  direction: MomentumDirection;
  /** score − previousScore. */
  change: number;
  /** Momentum at the start of the period. */
  previousScore: number;
}

export interface DigestMover {
  slug: string;
  number: number;
  titleEn: string;
  titleZh: string;
  direction: MomentumDirection;
  change: number;
}

export interface DigestEvidence {
  /** Untrusted: comes from the web. Renderers escape it. */
  title: string;
  /** Untrusted: renderers link it only when it is http(s). */
  url: string | null;
  publishedAt: string;
  stance: EvidenceStance;
  score: number;
}

/** Where the prediction stands against its horizon (issue 13), as of the period end. */
export interface DigestOutlook {
  /** YYYY-MM-DD */
  horizon: string;
  status: 'too-early' | 'on-track' | 'mixed' | 'off-track' | 'resolved';
  daysToHorizon: number;
  outcome: string | null;
  /** e.g. "due in 40 days, on-track" or "resolved: partly". */
  label: string;
}

export interface DigestTrend {
  number: number;
  slug: string;
  titleEn: string;
  titleZh: string;
  momentum: DigestMomentum;
  newSupporting: number;
  newContradicting: number;
  pendingReview: number;
  /** One line, e.g. "accelerating, 12 new supporting, 1 contradicting". */
  verdict: string;
  topEvidence: DigestEvidence[];
  /** Momentum per period, oldest first, for the sparkline. */
  series: number[];
  /** Absent in digests stored before verdicts existed. */
  outlook?: DigestOutlook;
}

export interface DigestFailedFeed {
  feedId: number;
  url: string;
  title: string | null;
  errors: number;
  lastError: string | null;
}

export interface DigestContent {
  periodStart: string;
  periodEnd: string;
  generatedAt: string;
  movers: DigestMover[];
  trends: DigestTrend[];
  failedFeeds: DigestFailedFeed[];
  /** No trend moved and no new evidence arrived in the period. */
  nothingMoved: boolean;
}
