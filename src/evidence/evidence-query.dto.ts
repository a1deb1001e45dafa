import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsId } from '../common/id';
import { IsIsoDate } from '../common/iso-date';
import { PageQuery } from '../common/page-query.dto';

export const EVIDENCE_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
export const STANCES = ['supports', 'contradicts'] as const;
export type Stance = (typeof STANCES)[number];
export const QUEUE_SORTS = ['score', 'date'] as const;

/** Filters of the review queue; every field is optional and they combine with AND. */
export class EvidenceQueryDto extends PageQuery(200) {
  @ApiPropertyOptional({ enum: EVIDENCE_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(EVIDENCE_STATUSES as unknown as string[])
  status?: EvidenceStatus;

  @ApiPropertyOptional({ description: 'prediction slug or number', example: 'compute-clusters' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  trend?: string;

  @ApiPropertyOptional({ enum: STANCES })
  @IsOptional()
  @IsIn(STANCES as unknown as string[])
  stance?: Stance;

  @ApiPropertyOptional({ description: 'only articles seen in this feed' })
  @IsOptional()
  @IsId()
  feedId?: number;

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @IsString()
  @Length(1, 35)
  language?: string;

  @ApiPropertyOptional({ description: 'article published at or after (ISO 8601)' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ description: 'article published before (ISO 8601)' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ description: 'minimum score' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  minScore?: number;

  @ApiPropertyOptional({ description: 'free text searched in article title and summary' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: QUEUE_SORTS, default: 'score', description: 'both descending' })
  @IsOptional()
  @IsIn(QUEUE_SORTS as unknown as string[])
  sort?: (typeof QUEUE_SORTS)[number];
}

export class AuditQueryDto extends PageQuery(200) {
  @ApiPropertyOptional({ description: 'only decisions about this evidence' })
  @IsOptional()
  @IsId()
  evidenceId?: number;
}
