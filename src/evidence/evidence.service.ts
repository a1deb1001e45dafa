import { Injectable } from '@nestjs/common';
import { AppError, foundOr404 } from '../common/app-error';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { TrendService } from '../trends/trend.service';
import { EvidenceItemDto } from './evidence.dto';
import { EvidenceQueryDto } from './evidence-query.dto';
import { EvidenceRepository, EvidenceRow, QueueFilter, QueuePosition } from './evidence.repository';
import type { PublicEvidenceQueryDto } from './public-evidence.dto';

const DEFAULT_LIMIT = 50;

type QueueCursor = { s: string; v: number | string; id: number };

/** Reads the review queue; decisions live in ReviewService. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly trends: TrendService,
  ) {}

  async queue(query: EvidenceQueryDto): Promise<Page<EvidenceItemDto>> {
    const trendId = query.trend !== undefined ? await this.resolveTrendId(query.trend) : undefined;
    const page = await this.page(toFilter(query, trendId), query.cursor, query.limit ?? DEFAULT_LIMIT);
    return { data: await this.withOtherTags(page.data), nextCursor: page.nextCursor };
  }

  /** A prediction's accepted evidence for the public list; an unknown prediction is a 404, as elsewhere under /api/trends. */
  async acceptedFor(trendKey: string, query: PublicEvidenceQueryDto): Promise<Page<EvidenceRow>> {
    const trend = await this.trends.get(trendKey);
    // Newest first unless asked otherwise: readers of a prediction's evidence follow the news.
    const filter = toFilter({ ...query, status: 'accepted', sort: query.sort ?? 'date' }, trend.id);
    return this.page(filter, query.cursor, query.limit ?? DEFAULT_LIMIT);
  }

  private async page(filter: QueueFilter, cursor: string | undefined, limit: number): Promise<Page<EvidenceRow>> {
    const rows = await this.evidence.findQueue(filter, readCursor(cursor, filter.sort), limit + 1);
    return toPage(
      rows,
      limit,
      (last): QueueCursor => ({
        s: filter.sort,
        v: filter.sort === 'score' ? last.score : last.publishedAt.toISOString(),
        id: last.id,
      }),
      (row) => row,
    );
  }

  async get(id: number): Promise<EvidenceItemDto> {
    const row = foundOr404(await this.evidence.findById(id), 'evidence', id);
    const [item] = await this.withOtherTags([row]);
    return item!;
  }

  /** A prediction named by slug or number in a query or body; unknown -> 400 naming the field. */
  async resolveTrendId(key: string, field = 'trend'): Promise<number> {
    try {
      return (await this.trends.get(key)).id;
    } catch (error) {
      if (error instanceof AppError && error.code === 'trend_not_found') {
        throw AppError.badRequest(
          'unknown_trend',
          `${field} "${key}" is neither a prediction slug nor a number from 1 to 10`,
        );
      }
      throw error;
    }
  }

  private async withOtherTags(rows: EvidenceRow[]): Promise<EvidenceItemDto[]> {
    const tags = await this.evidence.findTagsOfArticles([...new Set(rows.map((r) => r.articleId))]);
    return rows.map((row) => EvidenceItemDto.from(row, tags));
  }
}

/** The queue's filter from query fields (the prediction already resolved): defaults, dates, trimmed text. */
function toFilter(q: EvidenceQueryDto, trendId: number | undefined): QueueFilter {
  return {
    status: q.status ?? 'pending',
    trendId,
    stance: q.stance,
    feedId: q.feedId,
    language: q.language,
    from: q.from !== undefined ? new Date(q.from) : undefined,
    to: q.to !== undefined ? new Date(q.to) : undefined,
    minScore: q.minScore,
    q: q.q?.trim() || undefined,
    sort: q.sort ?? 'score',
  };
}

/** A cursor only continues the sort it was issued for; anything else is refused as invalid. */
function readCursor(cursor: string | undefined, sort: QueueFilter['sort']): QueuePosition | null {
  const position = decodeCursor<QueueCursor>(cursor, ['s', 'v', 'id']);
  if (!position) return null;
  const valueOk =
    sort === 'score'
      ? typeof position.v === 'number'
      : typeof position.v === 'string' && !Number.isNaN(Date.parse(position.v));
  if (position.s !== sort || !valueOk || !Number.isInteger(position.id)) {
    throw AppError.badRequest('invalid_cursor', 'cursor does not belong to this sort order');
  }
  return { value: position.v, id: position.id };
}
