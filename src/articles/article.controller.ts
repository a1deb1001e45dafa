import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../auth/admin.guard';
import type { Page } from '../common/pagination';
import { ArticleDto, ListArticlesQuery } from './article.dto';
import { ArticleService } from './article.service';

@ApiTags('admin: articles')
@ApiBearerAuth()
@RequireRole('reviewer')
@Controller('api/admin/articles')
export class ArticleController {
  constructor(private readonly articles: ArticleService) {}

  @Get()
  list(@Query() query: ListArticlesQuery): Promise<Page<ArticleDto>> {
    return this.articles.list(query);
  }
}
