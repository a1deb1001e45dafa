import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Trend } from '../generated/prisma/client';

export class TrendDto {
  @ApiProperty({ example: 1 }) number!: number;
  @ApiProperty({ example: 'compute-clusters' }) slug!: string;
  @ApiProperty() titleEn!: string;
  @ApiProperty() titleZh!: string;
  @ApiProperty() summaryEn!: string;
  @ApiProperty() summaryZh!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) horizon!: string | null;
  @ApiProperty({ description: 'version of the rule set currently used for tagging' }) ruleVersion!: number;

  static from(trend: Trend): TrendDto {
    return {
      number: trend.number,
      slug: trend.slug,
      titleEn: trend.titleEn,
      titleZh: trend.titleZh,
      summaryEn: trend.summaryEn,
      summaryZh: trend.summaryZh,
      horizon: trend.horizon,
      ruleVersion: trend.currentRuleVersion,
    };
  }
}

export class TrendListDto {
  @ApiProperty({ type: [TrendDto] }) data!: TrendDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
