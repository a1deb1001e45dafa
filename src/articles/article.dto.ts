import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../common/id';
import { PageQuery } from '../common/page-query.dto';
import type { ArticleListRow } from './article.repository';

export class ListArticlesQuery extends PageQuery(200) {
  @ApiPropertyOptional() @IsOptional() @IsId() feedId?: number;
  @ApiPropertyOptional({ description: 'text in title or summary' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class ArticleDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ description: 'plain text, sanitised from the feed HTML' }) summary!: string;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  @ApiProperty() publishedAt!: string;
  @ApiProperty() firstSeenAt!: string;
  @ApiProperty({ description: 'feeds it was seen in' }) feeds!: { id: number; title: string | null }[];

  static from(row: ArticleListRow): ArticleDto {
    return { ...row, publishedAt: row.publishedAt.toISOString(), firstSeenAt: row.firstSeenAt.toISOString() };
  }
}
