import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsIsoDate } from '../common/iso-date';
import type { SeriesPoint } from './momentum-math';
import type { ScorecardEntry, TrendMomentum } from './momentum.service';

export class MomentumQueryDto {
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], default: 'week' })
  @IsOptional()
  @IsIn(['day', 'week', 'month'])
  interval?: string;

  @ApiPropertyOptional({ description: 'first period (ISO date); default: 26 weeks / 90 days / 24 months before `to`' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ description: 'end (exclusive, ISO date); default: asOf' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({
    description: 'answer as the API would have at this instant (evidence published after it is ignored)',
  })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

function pointView(p: SeriesPoint) {
  return {
    periodStart: p.periodStart.toISOString(),
    periodEnd: p.periodEnd.toISOString(),
    articles: p.articles,
    evidence: p.evidence,
    supporting: p.supporting,
    contradicting: p.contradicting,
    accepted: p.accepted,
    pending: p.pending,
    rejected: p.rejected,
    weightedEvidence: round(p.weightedEvidence),
    share: round(p.share),
    supportingShare: round(p.supportingShare),
    contradictingShare: round(p.contradictingShare),
    momentum: round(p.momentum),
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function trendView(t: TrendMomentum['trend']) {
  return { number: t.number, slug: t.slug, titleEn: t.titleEn, titleZh: t.titleZh };
}

function summaryView(m: TrendMomentum['momentum']) {
  return {
    score: round(m.score),
    direction: m.direction,
    change: round(m.change),
    balance: m.balance === null ? null : round(m.balance),
    share: round(m.share),
    previousScore: round(m.previousScore),
  };
}

export function momentumView(r: TrendMomentum) {
  return {
    trend: trendView(r.trend),
    interval: r.window.interval,
    asOf: r.window.asOf.toISOString(),
    from: r.series[0]?.periodStart.toISOString() ?? null,
    to: r.series[r.series.length - 1]?.periodEnd.toISOString() ?? null,
    series: r.series.map(pointView),
    momentum: summaryView(r.momentum),
  };
}

export function scorecardEntryView(r: ScorecardEntry) {
  const totals = r.series.reduce(
    (t, p) => ({
      total: t.total + p.evidence,
      supporting: t.supporting + p.supporting,
      contradicting: t.contradicting + p.contradicting,
      accepted: t.accepted + p.accepted,
      pending: t.pending + p.pending,
      rejected: t.rejected + p.rejected,
    }),
    { total: 0, supporting: 0, contradicting: 0, accepted: 0, pending: 0, rejected: 0 },
  );
  return {
    ...trendView(r.trend),
    momentum: summaryView(r.momentum),
    balance: r.momentum.balance === null ? null : round(r.momentum.balance),
    evidence: totals,
    lastEvidenceAt: r.lastEvidenceAt?.toISOString() ?? null,
    strongestEvidence: r.strongest.map((s) => ({
      id: s.evidenceId,
      title: s.title,
      url: s.url,
      stance: s.stance,
      score: round(s.score),
      publishedAt: s.publishedAt.toISOString(),
    })),
  };
}
