import { ApiProperty } from '@nestjs/swagger';
import type { Trend } from '../generated/prisma/client';
import { horizonFor } from '../verdicts/horizons';
import type { Verdict } from '../verdicts/verdict';
import { AssessmentDto, ResolutionDto, verdictFields } from '../verdicts/verdict.dto';

export class TrendDto {
  @ApiProperty({ example: 1 }) number!: number;
  @ApiProperty({ example: 'compute-clusters' }) slug!: string;
  @ApiProperty() titleEn!: string;
  @ApiProperty() titleZh!: string;
  @ApiProperty() summaryEn!: string;
  @ApiProperty() summaryZh!: string;
  @ApiProperty({ example: '2027-07-01', description: 'YYYY-MM-DD: the date the prediction falls due' })
  horizon!: string;
  @ApiProperty({ enum: ['stated', 'report-frame'], description: 'stated by the report, or its general 2-3 year frame' })
  horizonBasis!: string;
  @ApiProperty({ description: 'where the horizon comes from (the seed text, when the report states one)' })
  horizonNote!: string;
  @ApiProperty({ description: 'version of the rule set currently used for tagging' }) ruleVersion!: number;

  static from(trend: Trend): TrendDto {
    const horizon = horizonFor(trend.slug);
    return {
      number: trend.number,
      slug: trend.slug,
      titleEn: trend.titleEn,
      titleZh: trend.titleZh,
      summaryEn: trend.summaryEn,
      summaryZh: trend.summaryZh,
      horizon: horizon.date,
      horizonBasis: horizon.basis,
      horizonNote: trend.horizon ? `${trend.horizon}; ${horizon.note}` : horizon.note,
      ruleVersion: trend.currentRuleVersion,
    };
  }
}

/** One prediction with its verdict: status, assessment and resolution history. */
export class TrendDetailDto extends TrendDto {
  @ApiProperty({ enum: ['too-early', 'on-track', 'mixed', 'off-track', 'resolved'] }) status!: string;
  @ApiProperty({ type: AssessmentDto }) assessment!: AssessmentDto;
  @ApiProperty({ type: [ResolutionDto], description: 'every resolution recorded by asOf, oldest first' })
  resolutions!: ResolutionDto[];

  static withVerdict(trend: Trend, verdict: Verdict): TrendDetailDto {
    const { status, assessment } = verdictFields(verdict);
    return { ...TrendDto.from(trend), status, assessment, resolutions: verdict.resolutions.map(ResolutionDto.from) };
  }
}

export class TrendListDto {
  @ApiProperty({ type: [TrendDto] }) data!: TrendDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
