import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsIsoDate } from '../common/iso-date';
import { PageQuery } from '../common/page-query.dto';
import type { RowRefusal } from './article-row';
import { IMPORT_FORMATS } from './import-input';
import { importRates, zeroCounts } from './import-progress';
import type { ImportRecord } from './import.repository';

export class CreateImportDto {
  @ApiProperty({
    description: 'a feed URL (its paged history), or a file, directory or archive inside IMPORT_DIR',
    example: 'archive-2024.jsonl',
  })
  @IsString()
  @Length(1, 2048)
  location!: string;

  @ApiPropertyOptional({ enum: IMPORT_FORMATS, description: 'default: from the URL or the file name' })
  @IsOptional()
  @IsIn(IMPORT_FORMATS)
  format?: string;

  @ApiPropertyOptional({ description: 'source of rows and feed files that name none' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  source?: string;

  @ApiPropertyOptional({ example: '2024-07-01', description: 'skip articles published before' })
  @IsOptional()
  @IsIsoDate()
  @MaxLength(40)
  since?: string;
}

export class ListImportsQuery extends PageQuery(200) {}

export class ImportDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: IMPORT_FORMATS }) format!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ nullable: true, type: String }) source!: string | null;
  @ApiProperty({ nullable: true, type: String }) since!: string | null;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed', 'interrupted'] }) status!: string;
  @ApiProperty({
    description: 'read, stored, merged, seenInOtherSources, refused, skippedBeforeSince, evidence, bytesDone',
  })
  counts!: Record<string, number>;
  @ApiProperty({ description: 'rows per second since the import (re)started, as the CLI shows' })
  rowsPerSecond!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'fraction of the input read, when its size is known' })
  fraction!: number | null;
  @ApiProperty({ nullable: true, type: Number }) etaSeconds!: number | null;
  @ApiProperty({ nullable: true, type: Number }) totalBytes!: number | null;
  @ApiProperty({ description: 'the first 200 refused rows: row, field, message' }) refusals!: RowRefusal[];
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;

  /** `now`: the end of a running import's rate window. */
  static from(r: ImportRecord, now: Date, sessionStart?: { at: Date; read: number; bytesDone: number }): ImportDto {
    const counts = { ...zeroCounts(), ...r.counts };
    const end = r.status === 'running' ? now : r.updatedAt;
    const rates = importRates(counts, sessionStart ?? { at: r.startedAt, read: 0, bytesDone: 0 }, r.totalBytes, end);
    return {
      id: r.id,
      format: r.format,
      location: r.location,
      source: r.source,
      since: r.since?.toISOString() ?? null,
      status: r.status,
      counts: { ...counts },
      ...rates,
      totalBytes: r.totalBytes,
      refusals: r.refusals,
      error: r.error,
      startedAt: r.startedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    };
  }
}
