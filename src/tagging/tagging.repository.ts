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
