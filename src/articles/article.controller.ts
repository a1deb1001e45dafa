import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { RequireRole } from '../auth/admin.guard';
import { IsId } from '../common/id';
import { ID_CURSOR, Page, paginate } from '../common/pagination';
import { ArticleListRow, ArticleRepository } from './article.repository';
import { PageQuery } from '../common/page-query.dto';

class ListArticlesQuery extends PageQuery(200) {
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

@ApiTags('admin: articles')
@ApiBearerAuth()
@RequireRole('reviewer')
@Controller('api/admin/articles')
export class ArticleController {
  constructor(private readonly articles: ArticleRepository) {}

  @Get()
  async list(@Query() query: ListArticlesQuery): Promise<Page<ArticleDto>> {
    return paginate({
      cursor: query.cursor,
      limit: query.limit ?? 50,
      shape: ID_CURSOR,
      fetch: (after, take) =>
        this.articles.list({ feedId: query.feedId, q: query.q, beforeId: after?.id, limit: take }),
      position: (a) => ({ id: a.id }),
      view: ArticleDto.from,
    });
  }
}
