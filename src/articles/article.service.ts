import { Injectable } from '@nestjs/common';
import { ID_CURSOR, Page, paginate } from '../common/pagination';
import { ArticleDto, ListArticlesQuery } from './article.dto';
import { ArticleRepository } from './article.repository';

@Injectable()
export class ArticleService {
  constructor(private readonly articles: ArticleRepository) {}

  /** Stored articles, newest first, optionally of one feed or matching a text. */
  list(query: ListArticlesQuery): Promise<Page<ArticleDto>> {
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
