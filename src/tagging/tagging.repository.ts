import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

export interface ArticleToTag {
  id: number;
  title: string;
  summary: string;
  publishedAt: Date;
}

/** Which articles need tagging, and marking them done. */
@Injectable()
export class TaggingRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Untagged articles (the queue in untagged_articles) in id order; `afterId` pages through them
   * even if marking fails.
   */
  untagged(afterId: number, limit: number): Promise<ArticleToTag[]> {
    return this.prisma.$queryRaw<ArticleToTag[]>`
      SELECT a.id, a.title, a.summary, a.published_at AS "publishedAt"
      FROM untagged_articles u JOIN articles a ON a.id = u.article_id
      WHERE u.article_id > ${afterId}::int
      ORDER BY u.article_id LIMIT ${limit}::int`;
  }

  /** Every article, for a re-tag after a rule change. */
  all(afterId: number, limit: number): Promise<ArticleToTag[]> {
    return this.prisma.article.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take: limit,
      select: { id: true, title: true, summary: true, publishedAt: true },
    });
  }

  /**
   * Takes the articles off the queue. The ids go as ONE array parameter: through Prisma's `in`
   * each id was a bind parameter of its own (up to 1,000), built by the client and parsed and
   * planned by PostgreSQL on every call.
   */
  async markTagged(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.$executeRaw`DELETE FROM untagged_articles WHERE article_id = ANY(${ids}::int[])`;
  }
}
