import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsIsoDate } from '../common/iso-date';
import { verdictFields } from '../verdicts/verdict.dto';
import { completePeriods, SeriesPoint } from './momentum-math';
import type { StrongEvidenceRow } from './momentum-read';
import { DIRECTION_TEST_PARAMETERS } from './trend-test';
import type { ScorecardEntry, TrendMomentum } from './momentum.service';

export class MomentumQueryDto {
  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], default: 'week' })
  @IsOptional()
  @IsIn(['day', 'week', 'month'])
  interval?: string;

  @ApiPropertyOptional({
    description:
      "first period (ISO date); default: 26 weeks / 90 days / 24 months before `to`, or on a prediction's momentum the period of the oldest imported article when earlier (at most 1000 periods); the scorecard keeps the 26 weeks",
  })
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

/**
 * How `direction` was decided (docs/momentum.md, "Direction"): quasi-Poisson fit of weighted
 * evidence with log(articles) as offset over the last complete periods, agreeing with Mann-Kendall.
 */
function testView(r: TrendMomentum) {
  const t = r.momentum.test;
  const tested = completePeriods(r.series, r.window.asOf).slice(-t.windowPeriods);
  const interval = (pair: [number, number] | null) => (pair ? { lower: round(pair[0]), upper: round(pair[1]) } : null);
  return {
    method: 'quasi-poisson-offset+mann-kendall',
    reason: t.reason,
    window: {
      from: tested[0]?.periodStart.toISOString() ?? null,
      to: tested[tested.length - 1]?.periodEnd.toISOString() ?? null,
      periods: t.windowPeriods,
    },
    evidenceCount: t.count,
    guardCount: t.guardCount,
    rateRatioPeriods: DIRECTION_TEST_PARAMETERS.ratioPeriods,
    rateRatio: t.rateRatio === null ? null : round(t.rateRatio),
    rateRatioInterval: interval(t.rateRatioInterval),
    confidence: DIRECTION_TEST_PARAMETERS.confidence,
    windowChange: t.windowChange === null ? null : round(t.windowChange),
    effectFloor: DIRECTION_TEST_PARAMETERS.effectFloor,
    pValue: t.pValue === null ? null : round(t.pValue),
    dispersion: t.dispersion === null ? null : round(t.dispersion),
    mannKendall: t.mannKendall
      ? { s: t.mannKendall.s, z: round(t.mannKendall.z), pValue: round(t.mannKendall.pValue) }
      : null,
  };
}

function evidenceRefView(s: StrongEvidenceRow) {
  return {
    id: s.evidenceId,
    title: s.title,
    url: s.url,
    stance: s.stance,
    score: round(s.score),
    publishedAt: s.publishedAt.toISOString(),
  };
}

function summaryView(r: TrendMomentum) {
  const m = r.momentum;
  return {
    score: round(m.score),
    direction: m.direction,
    test: testView(r),
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
    momentum: { ...summaryView(r), drivers: (r.drivers ?? []).map(evidenceRefView) },
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
    ...verdictFields(r.verdict),
    momentum: summaryView(r),
    balance: r.momentum.balance === null ? null : round(r.momentum.balance),
    evidence: totals,
    lastEvidenceAt: r.lastEvidenceAt?.toISOString() ?? null,
    strongestEvidence: r.strongest.map(evidenceRefView),
  };
}
