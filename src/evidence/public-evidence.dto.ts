import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EvidenceQueryDto, QUEUE_SORTS, STANCES } from './evidence-query.dto';
import { EvidenceArticleDto, EvidenceItemDto } from './evidence.dto';
import type { EvidenceRow } from './evidence.repository';

/** Filters of a prediction's public evidence list, as in the review queue; they combine with AND. */
export class PublicEvidenceQueryDto extends PickType(EvidenceQueryDto, [
  'stance',
  'from',
  'to',
  'cursor',
  'limit',
] as const) {
  // The queue's own sort, but readers of a prediction's evidence want the newest first.
  @ApiPropertyOptional({
    enum: QUEUE_SORTS,
    default: 'date',
    description: 'both descending: newest or strongest first',
  })
  @IsOptional()
  @IsIn(QUEUE_SORTS as unknown as string[])
  sort?: (typeof QUEUE_SORTS)[number];
}

/**
 * Accepted evidence as the public sees it: what the article is, which way it points, how strongly,
 * and why the rules tagged it. Reviewer names and notes, and how the article was tagged for other
 * predictions (pending and rejected included), stay in the admin API.
 */
export class PublicEvidenceDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: STANCES }) stance!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [String], description: 'the rule terms that matched' }) matchedTerms!: string[];
  @ApiProperty({ type: [String], description: 'the stance cues that matched' }) matchedCues!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'why the rules tagged it' }) reason!: string | null;
  @ApiProperty({ enum: ['rule', 'manual'], description: 'tagged by the rules, or added by a reviewer' })
  origin!: string;
  @ApiProperty({ nullable: true, type: String, description: 'when it was accepted' }) acceptedAt!: string | null;
  @ApiProperty({ type: EvidenceArticleDto }) article!: EvidenceArticleDto;

  static from(row: EvidenceRow): PublicEvidenceDto {
    const { id, stance, score, matchedTerms, matchedCues, reason, origin, reviewedAt, article } = EvidenceItemDto.from(
      row,
      [],
    );
    // A manual piece's stored reason names the reviewer who added it ("added by hand by <token>").
    const publicReason = origin === 'manual' ? 'added by a reviewer' : reason;
    return {
      id,
      stance,
      score,
      matchedTerms,
      matchedCues,
      reason: publicReason,
      origin,
      acceptedAt: reviewedAt,
      article,
    };
  }
}

export class PublicEvidencePageDto {
  @ApiProperty({ type: [PublicEvidenceDto] }) data!: PublicEvidenceDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
