import { ApiProperty } from '@nestjs/swagger';
import { IntervalDto, VerdictFieldsDto } from '../verdicts/verdict.dto';

/**
 * OpenAPI documentation of the momentum answers (docs/momentum.md): what `momentum.test` and
 * `momentum.drivers` mean, for pages and clients. The views in momentum.dto.ts build these shapes.
 */
export class TestWindowDto {
  @ApiProperty({ nullable: true, type: String, description: 'start of the first complete period tested' })
  from!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'end (exclusive) of the last complete period tested' })
  to!: string | null;
  @ApiProperty({ example: 12 }) periods!: number;
}

export class MannKendallDto {
  @ApiProperty({ description: 'Mann-Kendall S on the weekly shares' }) s!: number;
  @ApiProperty() z!: number;
  @ApiProperty({ description: 'two-sided' }) pValue!: number;
}

/** Reasons both tests can give: 'called', or the first of their common conditions that failed. */
const TEST_REASONS = [
  'called',
  'too-few-periods',
  'too-few-evidence',
  'interval-includes-zero',
  'one-period-outlier',
  'below-effect-floor',
];

export class LevelTestDto {
  @ApiProperty({ enum: ['rising', 'steady', 'falling'], description: "the level test's own call" }) direction!: string;
  @ApiProperty({ enum: TEST_REASONS }) reason!: string;
  @ApiProperty({ type: TestWindowDto, description: 'the recent periods (last 4)' }) recent!: TestWindowDto;
  @ApiProperty({
    type: TestWindowDto,
    description:
      'the baseline: up to 24 periods ending 4 before the recent ones (periods without articles are skipped by the fit)',
  })
  baseline!: TestWindowDto;
  @ApiProperty({ description: 'counted (accepted + pending) rows in the recent periods' }) recentCount!: number;
  @ApiProperty({ description: 'counted rows in the baseline' }) baselineCount!: number;
  @ApiProperty({ description: 'rows in the 4 periods the count guard reads' }) guardCount!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'recent share / baseline share' })
  rateRatio!: number | null;
  @ApiProperty({ nullable: true, type: IntervalDto, description: 'interval of rateRatio at `confidence`' })
  rateRatioInterval!: IntervalDto | null;
  @ApiProperty({
    example: 0.975,
    description: "the interval's and the call's: 0.975, or 0.95 when the ramp test confirmed the call",
  })
  confidence!: number;
  @ApiProperty({
    nullable: true,
    enum: ['ramp'],
    description: "'ramp' when the call stands at the looser confidence because the ramp test calls the same way",
  })
  confirmedBy!: string | null;
  @ApiProperty({ example: 0.25, description: 'rateRatio must be >= 1 + this (or <= its inverse)' })
  effectFloor!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'two-sided p-value of log(rateRatio) = 0' })
  pValue!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'quasi-likelihood dispersion φ' }) dispersion!:
    number | null;
}

export class RampTestDto {
  @ApiProperty({ enum: ['rising', 'steady', 'falling'], description: "the ramp test's own call" }) direction!: string;
  @ApiProperty({ enum: [...TEST_REASONS, 'rank-test-disagrees'] }) reason!: string;
  @ApiProperty({ type: TestWindowDto, description: 'the window the ramp rises over (last 12 periods)' })
  window!: TestWindowDto;
  @ApiProperty({ type: TestWindowDto, description: 'the baseline before it (up to 24 periods) that pins its start' })
  baseline!: TestWindowDto;
  @ApiProperty({ description: 'rows in the 4 periods the count guard reads' }) guardCount!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'fitted change in share over the window' })
  windowChange!: number | null;
  @ApiProperty({ nullable: true, type: IntervalDto, description: 'interval of windowChange at `confidence`' })
  windowChangeInterval!: IntervalDto | null;
  @ApiProperty({ example: 0.95 }) confidence!: number;
  @ApiProperty({ example: 0.25, description: 'windowChange must be >= 1 + this (or <= its inverse)' })
  effectFloor!: number;
  @ApiProperty({ nullable: true, type: Number, description: "two-sided p-value of the ramp's slope" })
  pValue!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'quasi-likelihood dispersion φ' }) dispersion!:
    number | null;
}

export class DirectionTestDto {
  @ApiProperty({ example: 'quasi-poisson-offset+mann-kendall+level-change+ramp-confirmation' }) method!: string;
  @ApiProperty({
    enum: [...TEST_REASONS, 'rank-test-disagrees', 'tests-disagree'],
    description:
      "'called' when either test called the direction, 'tests-disagree' when they called opposite ones, else the slope test's first failed condition",
  })
  reason!: string;
  @ApiProperty({
    nullable: true,
    enum: ['slope', 'level', 'both'],
    description:
      "which test called the direction ('level' also when the ramp test confirmed it: level.confirmedBy); null when steady",
  })
  firedBy!: string | null;
  @ApiProperty({ description: "the slope test's own reason (its conditions, as `reason` before the level test)" })
  slopeReason!: string;
  @ApiProperty({ type: TestWindowDto }) window!: TestWindowDto;
  @ApiProperty({ description: 'counted (accepted + pending) evidence rows in the window' }) evidenceCount!: number;
  @ApiProperty({ description: 'rows in the 4 periods the count guard reads' }) guardCount!: number;
  @ApiProperty({ example: 4, description: 'rateRatio is per this many periods' }) rateRatioPeriods!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'fitted change in share per rateRatioPeriods' })
  rateRatio!: number | null;
  @ApiProperty({ nullable: true, type: IntervalDto, description: 'interval of rateRatio at `confidence`' })
  rateRatioInterval!: IntervalDto | null;
  @ApiProperty({ example: 0.99, description: "the slope's interval and call" }) confidence!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'fitted change in share over the whole window' })
  windowChange!: number | null;
  @ApiProperty({ example: 0.25, description: 'windowChange must be >= 1 + this (or <= its inverse)' })
  effectFloor!: number;
  @ApiProperty({ nullable: true, type: Number, description: "two-sided p-value of the fit's slope" })
  pValue!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'quasi-likelihood dispersion φ' }) dispersion!:
    number | null;
  @ApiProperty({ nullable: true, type: MannKendallDto }) mannKendall!: MannKendallDto | null;
  @ApiProperty({ nullable: true, type: LevelTestDto, description: 'the level-change test beside the slope' })
  level!: LevelTestDto | null;
  @ApiProperty({
    nullable: true,
    type: RampTestDto,
    description: 'the ramp test, which lets the level test call at 95% when it calls the same way',
  })
  ramp!: RampTestDto | null;
}

export class EvidenceRefDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ enum: ['supports', 'contradicts'] }) stance!: string;
  @ApiProperty() score!: number;
  @ApiProperty() publishedAt!: string;
}

export class MomentumSummaryDto {
  @ApiProperty({ description: 'EWMA momentum of the last period, in [-1, 1] (for charts)' }) score!: number;
  @ApiProperty({ enum: ['rising', 'steady', 'falling'], description: 'from the test, see `test`' }) direction!: string;
  @ApiProperty({ type: DirectionTestDto }) test!: DirectionTestDto;
  @ApiProperty({
    type: [EvidenceRefDto],
    description: 'momentum route only: strongest accepted evidence of the weeks that drove the slope',
  })
  drivers!: EvidenceRefDto[];
  @ApiProperty() change!: number;
  @ApiProperty({ nullable: true, type: Number }) balance!: number | null;
  @ApiProperty() share!: number;
  @ApiProperty() previousScore!: number;
}

export class MomentumResponseDto {
  @ApiProperty() trend!: object;
  @ApiProperty({ enum: ['day', 'week', 'month'] }) interval!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty({ description: 'one entry per period', type: [Object] }) series!: object[];
  @ApiProperty({ type: MomentumSummaryDto }) momentum!: MomentumSummaryDto;
}

/** One prediction on the scorecard: its verdict fields (horizon, status, assessment) and momentum. */
export class ScorecardEntryDto extends VerdictFieldsDto {
  @ApiProperty() number!: number;
  @ApiProperty() slug!: string;
  @ApiProperty() titleEn!: string;
  @ApiProperty() titleZh!: string;
  @ApiProperty({ type: MomentumSummaryDto, description: 'as on the momentum route, without drivers' })
  momentum!: MomentumSummaryDto;
  @ApiProperty({ description: 'evidence totals in the window by stance and status' }) evidence!: object;
  @ApiProperty({ nullable: true, type: String }) lastEvidenceAt!: string | null;
  @ApiProperty({ type: [EvidenceRefDto] }) strongestEvidence!: EvidenceRefDto[];
}

export class ScorecardDto {
  @ApiProperty({ nullable: true, type: String }) asOf!: string | null;
  @ApiProperty({ nullable: true, type: String }) interval!: string | null;
  @ApiProperty({ type: [ScorecardEntryDto] }) data!: ScorecardEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
