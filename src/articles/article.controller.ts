import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { RequireRole } from '../auth/admin.guard';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { ArticleListRow, ArticleRepository } from './article.repository';
import { PageQuery } from '../common/page-query.dto';

class ListArticlesQuery extends PageQuery(200) {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) feedId?: number;
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

@ApiTags('admin: articles')
@ApiBearerAuth()
@RequireRole('reviewer')
@Controller('api/admin/articles')
export class ArticleController {
  constructor(private readonly articles: ArticleRepository) {}

  @Get()
  async list(@Query() query: ListArticlesQuery): Promise<Page<ArticleDto>> {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor<{ id: number }>(query.cursor, ['id']);
    const rows = await this.articles.list({ feedId: query.feedId, q: query.q, beforeId: cursor?.id, limit: limit + 1 });
    return toPage(rows, limit, (a) => ({ id: a.id }), ArticleDto.from);
  }
}
