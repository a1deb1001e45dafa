import { Injectable } from '@nestjs/common';
import { FeedRepository } from '../feeds/feed.repository';
import { MomentumService, ScorecardEntry } from '../momentum/momentum.service';
import { DeliveryService } from './delivery.service';
import { buildDigestContent, DigestTrendInput } from './digest-builder';
import { DigestDating, DigestEvidenceRepository, NewEvidenceCount, TopEvidenceRow } from './digest-evidence.repository';
import { AppError } from '../common/app-error';
import { DigestPeriod, nextDigestPeriod, PastPeriodRequest, requestedPeriods, scheduledStart } from './digest-period';

import { DigestRepository, StoredDigest } from './digest.repository';
import type { DigestContent, DigestFailedFeed } from './digest.types';
import { Clock } from '../common/clock';

export type DigestBuildResult =
  | { outcome: 'built'; digest: StoredDigest }
  /** The period is empty or another run stored it first; `digest` is the one that covers it. */
  | { outcome: 'already built'; digest: StoredDigest | null };

const TOP_EVIDENCE_PER_TREND = 3;
/** Weeks of momentum shown as each prediction's sparkline. */
const SPARKLINE_WEEKS = 12;

interface PeriodFigures {
  atStart: ScorecardEntry[];
  atEnd: ScorecardEntry[];
  newCounts: NewEvidenceCount[];
  pending: { trendId: number; count: number }[];
  top: TopEvidenceRow[];
  failedFeeds: DigestFailedFeed[];
}

/** Builds the next digest: works out its period, gathers the figures, stores it with its deliveries. */
@Injectable()
export class DigestBuildService {
  constructor(
    private readonly digests: DigestRepository,
    private readonly evidence: DigestEvidenceRepository,
    private readonly momentum: MomentumService,
    private readonly feeds: FeedRepository,
    private readonly delivery: DeliveryService,
    private readonly clock: Clock,
  ) {}

  /** The scheduled digest: the period since the previous scheduled one. */
  async buildDue(): Promise<DigestBuildResult> {
    const now = this.clock.now();
    const period = nextDigestPeriod(await this.digests.latestPeriodEnd(), now);
    if (!period) return { outcome: 'already built', digest: await this.digests.findLatest() };
    return this.build(period, now, false);
  }

  /**
   * Digests of past weeks or months, only when asked (after an import, say): each is stored and
   * queued for delivery like a scheduled one, but outside the scheduled sequence, which they
   * must end before. A period whose start another digest has is reported 'already built'.
   */
  async buildPast(request: PastPeriodRequest): Promise<DigestBuildResult[]> {
    const now = this.clock.now();
    const before = scheduledStart(await this.digests.firstScheduledStart(), now);
    const periods = requestedPeriods(request, before);
    if (periods.length === 0)
      throw AppError.badRequest(
        'digest_period_not_past',
        `no whole ${request.period} there ends by ${before.toISOString()}, where the scheduled digests begin`,
      );
    const results: DigestBuildResult[] = [];
    for (const period of periods) results.push(await this.build(period, now, true));
    return results;
  }

  private async build(period: DigestPeriod, now: Date, requested: boolean): Promise<DigestBuildResult> {
    const content = await this.compose(period, now, requested ? 'published' : 'stored');
    const stored = await this.digests.insertWithDeliveries(content, requested, (tx) => this.delivery.destinations(tx));
    if (!stored) return { outcome: 'already built', digest: await this.digests.findByPeriodStart(period.start) };
    return { outcome: 'built', digest: stored };
  }

  private async compose(period: DigestPeriod, now: Date, dating: DigestDating): Promise<DigestContent> {
    const figures = await this.gather(period, now, dating);
    const startOf = new Map(figures.atStart.map((e) => [e.trend.id, e]));
    return buildDigestContent({
      periodStart: period.start,
      periodEnd: period.end,
      generatedAt: now,
      trends: figures.atEnd.map((end) => trendInput(end, startOf.get(end.trend.id) ?? end, figures)),
      failedFeeds: figures.failedFeeds,
    });
  }

  private async gather(period: DigestPeriod, now: Date, dating: DigestDating): Promise<PeriodFigures> {
    const at = (asOf: Date) => this.momentum.scorecard({ interval: 'week', asOf: asOf.toISOString() }, now);
    const [atStart, atEnd, newCounts, pending, top, failures] = await Promise.all([
      at(period.start),
      at(period.end),
      this.evidence.newByStance(period.start, period.end, dating),
      this.evidence.pendingBefore(period.end, dating),
      this.evidence.topAccepted(period.start, period.end, TOP_EVIDENCE_PER_TREND, dating),
      this.feeds.failuresBetween(period.start, period.end),
    ]);
    const failedFeeds = failures.map((f) => ({
      feedId: f.feedId,
      url: f.url,
      title: f.title,
      errors: f.errors,
      lastError: f.lastError ?? null,
    }));
    return { atStart, atEnd, newCounts, pending, top, failedFeeds };
  }
}

function trendInput(end: ScorecardEntry, start: ScorecardEntry, figures: PeriodFigures): DigestTrendInput {
  const id = end.trend.id;
  const count = (stance: string) => figures.newCounts.find((c) => c.trendId === id && c.stance === stance)?.count ?? 0;
  return {
    number: end.trend.number,
    slug: end.trend.slug,
    titleEn: end.trend.titleEn,
    titleZh: end.trend.titleZh,
    momentumAtStart: start.momentum,
    momentumAtEnd: end.momentum,
    newSupporting: count('supports'),
    newContradicting: count('contradicts'),
    pendingReview: figures.pending.find((p) => p.trendId === id)?.count ?? 0,
    topEvidence: figures.top.filter((t) => t.trendId === id),
    series: end.series.slice(-SPARKLINE_WEEKS).map((p) => p.momentum),
    outlook: {
      horizon: end.verdict.horizon.date,
      status: end.verdict.status,
      daysToHorizon: end.verdict.assessment.daysToHorizon,
      outcome: end.verdict.assessment.resolution?.outcome ?? null,
    },
  };
}
