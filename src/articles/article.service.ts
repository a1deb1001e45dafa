import { Injectable } from '@nestjs/common';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { ArticleDto, ListArticlesQuery } from './article.dto';
import { ArticleRepository } from './article.repository';

@Injectable()
export class ArticleService {
  constructor(private readonly articles: ArticleRepository) {}

  /** Stored articles, newest first, optionally of one feed or matching a text. */
  async list(query: ListArticlesQuery): Promise<Page<ArticleDto>> {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor<{ id: number }>(query.cursor, ['id']);
    const rows = await this.articles.list({ feedId: query.feedId, q: query.q, beforeId: cursor?.id, limit: limit + 1 });
    return toPage(rows, limit, (a) => ({ id: a.id }), ArticleDto.from);
  }
}
