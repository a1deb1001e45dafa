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
   * Untagged articles among `ids` (those an import has just stored), in id order. By primary key:
   * "untagged after id" over a table of a million tagged articles is planned as a walk of the
   * primary key, a full scan per call, which a chunked import would pay for every chunk.
   */
  untaggedAmong(ids: number[], afterId: number, limit: number): Promise<ArticleToTag[]> {
    return this.prisma.article.findMany({
      where: { id: { in: ids, gt: afterId }, taggedAt: null },
      orderBy: { id: 'asc' },
      take: limit,
      select: { id: true, title: true, summary: true, publishedAt: true },
    });
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

  async markTagged(ids: number[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.article.updateMany({ where: { id: { in: ids } }, data: { taggedAt: at } });
  }
}
