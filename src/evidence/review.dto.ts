import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
} from 'class-validator';
import { IsId } from '../common/id';
import { IsIsoDate } from '../common/iso-date';
import { STANCES, Stance } from './evidence-query.dto';

export const DECISIONS = ['accept', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];
export const MAX_BULK_IDS = 500;

/** One decision; deciding again later is how a reviewer undoes or corrects one. */
export class ReviewDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS as unknown as string[])
  decision!: Decision;

  @ApiPropertyOptional({ enum: STANCES, description: 'corrects the stance the rules guessed' })
  @IsOptional()
  @IsIn(STANCES as unknown as string[])
  stance?: Stance;

  @ApiPropertyOptional({ maxLength: 2000, description: 'kept when omitted; "" clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class BulkReviewDto extends ReviewDto {
  @ApiProperty({ type: [Number], minItems: 1, maxItems: MAX_BULK_IDS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_IDS)
  @IsId({ each: true })
  ids!: number[];
}

/** A reviewer's own find: an article by URL and title, filed under one prediction. */
export class ManualEvidenceDto {
  @ApiProperty({ example: 'https://example.com/news/robots' })
  @IsString()
  @MaxLength(2048)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  title!: string;

  @ApiProperty({ description: 'prediction slug or number', oneOf: [{ type: 'string' }, { type: 'integer' }] })
  // Numbers are accepted as the prediction number; anything else must be a slug string.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'number' && Number.isInteger(value) ? String(value) : value,
  )
  @IsString()
  @Length(1, 100)
  trend!: string;

  @ApiProperty({ enum: STANCES })
  @IsIn(STANCES as unknown as string[])
  stance!: Stance;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'publication time when the article is new; default now' })
  @IsOptional()
  @IsIsoDate()
  publishedAt?: string;
}
