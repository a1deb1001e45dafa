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

  /** Untagged articles in id order; `afterId` pages through them even if marking fails. */
  untagged(afterId: number, limit: number): Promise<ArticleToTag[]> {
    return this.prisma.article.findMany({
      where: { taggedAt: null, id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take: limit,
      select: { id: true, title: true, summary: true, publishedAt: true },
    });
  }

  /**
   * Untagged articles among `ids` (those a feed or an import has just stored), in id order. By
   * primary key: "untagged after id" over a table of a million tagged articles is planned as a walk
   * of the primary key, a full scan per call, which a chunked import would pay for every chunk.
   * The ids go as ONE array parameter: through Prisma's `in` each id was a bind parameter of its
   * own (up to 5,000), built by the client and parsed and planned by PostgreSQL on every call.
   */
  untaggedAmong(ids: number[], afterId: number, limit: number): Promise<ArticleToTag[]> {
    return this.prisma.$queryRaw<ArticleToTag[]>`
      SELECT id, title, summary, published_at AS "publishedAt" FROM articles
      WHERE id = ANY(${ids}::int[]) AND id > ${afterId}::int AND tagged_at IS NULL
      ORDER BY id LIMIT ${limit}::int`;
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

  /** One array parameter for the ids, as in untaggedAmong. */
  async markTagged(ids: number[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.$executeRaw`UPDATE articles SET tagged_at = ${at} WHERE id = ANY(${ids}::int[])`;
  }
}
