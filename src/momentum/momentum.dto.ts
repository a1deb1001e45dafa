import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsIsoDate } from '../common/iso-date';
import { verdictFields } from '../verdicts/verdict.dto';
import { SeriesPoint, testedPeriods } from './momentum-math';
import type { StrongEvidenceRow } from './momentum-read';
import type { LevelTest } from './level-test';
import type { RampTest } from './ramp-test';
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
 * How `direction` was decided (docs/momentum.md, "Direction"): the slope test (quasi-Poisson fit of
 * weighted evidence with log(articles) as offset over the last complete periods, agreeing with
 * Mann-Kendall) and the level test (recent periods against a baseline before them), either firing;
 * the level test also at a looser confidence when the ramp test agrees (`level.confirmedBy`).
 * The top-level fields are the slope's, as before the level test; `firedBy`, `level` and `ramp` are added.
 */
function testView(r: TrendMomentum) {
  const t = r.momentum.test;
  const tested = testedPeriods(r.series, r.window.asOf, r.history);
  const slopeWindow = tested.slice(-t.windowPeriods);
  return {
    method: 'quasi-poisson-offset+mann-kendall+level-change+ramp-confirmation',
    reason: t.reason,
    firedBy: t.firedBy,
    slopeReason: t.slopeReason,
    window: periodRange(slopeWindow, t.windowPeriods),
    evidenceCount: t.count,
    guardCount: t.guardCount,
    rateRatioPeriods: DIRECTION_TEST_PARAMETERS.ratioPeriods,
    rateRatio: roundOrNull(t.rateRatio),
    rateRatioInterval: intervalView(t.rateRatioInterval),
    confidence: DIRECTION_TEST_PARAMETERS.confidence,
    windowChange: roundOrNull(t.windowChange),
    effectFloor: DIRECTION_TEST_PARAMETERS.effectFloor,
    pValue: roundOrNull(t.pValue),
    dispersion: roundOrNull(t.dispersion),
    mannKendall: t.mannKendall
      ? { s: t.mannKendall.s, z: round(t.mannKendall.z), pValue: round(t.mannKendall.pValue) }
      : null,
    level: t.level ? levelView(t.level, tested) : null,
    ramp: t.ramp ? rampView(t.ramp, tested) : null,
  };
}

/** The ramp test, which confirms a level call at the looser confidence: its window, baseline, change and p. */
function rampView(ramp: RampTest, tested: readonly SeriesPoint[]) {
  const parameters = DIRECTION_TEST_PARAMETERS.rampConfirmation!.ramp;
  const windowStart = tested.length - ramp.windowPeriods;
  return {
    direction: ramp.direction,
    reason: ramp.reason,
    window: periodRange(tested.slice(windowStart), ramp.windowPeriods),
    baseline: periodRange(tested.slice(windowStart - ramp.baselinePeriods, windowStart), ramp.baselinePeriods),
    guardCount: ramp.guardCount,
    windowChange: roundOrNull(ramp.windowChange),
    windowChangeInterval: intervalView(ramp.windowChangeInterval),
    confidence: parameters.confidence,
    effectFloor: parameters.effectFloor,
    pValue: roundOrNull(ramp.pValue),
    dispersion: roundOrNull(ramp.dispersion),
  };
}

/** The level test: which periods it compared, the rate ratio recent / baseline, and its p. */
function levelView(level: LevelTest, tested: readonly SeriesPoint[]) {
  const parameters = DIRECTION_TEST_PARAMETERS.level!;
  const recentStart = tested.length - level.recentPeriods;
  const baselineEnd = Math.max(0, recentStart - parameters.gapPeriods);
  return {
    direction: level.direction,
    reason: level.reason,
    recent: periodRange(tested.slice(recentStart), level.recentPeriods),
    baseline: periodRange(tested.slice(baselineEnd - level.baselinePeriods, baselineEnd), level.baselinePeriods),
    recentCount: level.recentCount,
    baselineCount: level.baselineCount,
    guardCount: level.guardCount,
    rateRatio: roundOrNull(level.rateRatio),
    rateRatioInterval: intervalView(level.rateRatioInterval),
    confidence: level.confidence,
    confirmedBy: level.confirmedBy,
    effectFloor: parameters.effectFloor,
    pValue: roundOrNull(level.pValue),
    dispersion: roundOrNull(level.dispersion),
  };
}

function periodRange(points: readonly SeriesPoint[], periods: number) {
  return {
    from: points[0]?.periodStart.toISOString() ?? null,
    to: points[points.length - 1]?.periodEnd.toISOString() ?? null,
    periods,
  };
}

function intervalView(pair: [number, number] | null) {
  return pair ? { lower: round(pair[0]), upper: round(pair[1]) } : null;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value);
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
    balance: roundOrNull(m.balance),
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
    balance: roundOrNull(r.momentum.balance),
    evidence: totals,
    lastEvidenceAt: r.lastEvidenceAt?.toISOString() ?? null,
    strongestEvidence: r.strongest.map(evidenceRefView),
  };
}
