import { Injectable } from '@nestjs/common';
import { AppError, foundOr404 } from '../common/app-error';
import { requireIsoDate } from '../common/iso-date';
import { Page, paginate } from '../common/pagination';
import { TrendService } from '../trends/trend.service';
import { EvidenceItemDto } from './evidence.dto';
import { EvidenceQueryDto, originOf } from './evidence-query.dto';
import { EvidenceRepository, EvidenceRow, OtherTag, QueueFilter } from './evidence.repository';
import type { PublicEvidenceQueryDto } from './public-evidence.dto';

const DEFAULT_LIMIT = 50;

/** Reads the review queue; decisions live in ReviewService. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly trends: TrendService,
  ) {}

  async queue(query: EvidenceQueryDto): Promise<Page<EvidenceItemDto>> {
    const trendId = query.trend !== undefined ? await this.resolveTrendId(query.trend) : undefined;
    const page = await this.page(toFilter(query, trendId), query.cursor, query.limit ?? DEFAULT_LIMIT, true);
    return { data: page.data.map((r) => EvidenceItemDto.from(r.row, r.otherTags)), nextCursor: page.nextCursor };
  }

  /** A prediction's accepted evidence for the public list; an unknown prediction is a 404, as elsewhere under /api/trends. */
  async acceptedFor(trendKey: string, query: PublicEvidenceQueryDto): Promise<Page<EvidenceRow>> {
    const trend = await this.trends.get(trendKey);
    // Newest first unless asked otherwise: readers of a prediction's evidence follow the news.
    const filter = toFilter({ ...query, status: 'accepted', sort: query.sort ?? 'date' }, trend.id);
    const page = await this.page(filter, query.cursor, query.limit ?? DEFAULT_LIMIT, false);
    return { data: page.data.map((r) => r.row), nextCursor: page.nextCursor };
  }

  private async page(
    filter: QueueFilter,
    cursor: string | undefined,
    limit: number,
    withOtherTags: boolean,
  ): Promise<Page<{ row: EvidenceRow; otherTags: OtherTag[] }>> {
    // A cursor only continues the sort it was issued for; anything else is refused as invalid.
    const shape = { s: { literal: filter.sort }, v: filter.sort === 'score' ? 'number' : 'date', id: 'id' } as const;
    return paginate({
      cursor,
      limit,
      shape,
      fetch: (after, take) =>
        this.evidence.findPage({ filter, after: after && { value: after.v, id: after.id }, take, withOtherTags }),
      position: ({ row: last }) => ({
        s: filter.sort,
        v: filter.sort === 'score' ? last.score : last.publishedAt.toISOString(),
        id: last.id,
      }),
      view: (row) => row,
    });
  }

  async get(id: number): Promise<EvidenceItemDto> {
    const { row, otherTags } = foundOr404(await this.evidence.findById(id), 'evidence', id);
    return EvidenceItemDto.from(row, otherTags);
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
}

/** The queue's filter from query fields (the prediction already resolved): defaults, dates, trimmed text. */
function toFilter(q: EvidenceQueryDto, trendId: number | undefined): QueueFilter {
  return {
    status: q.status ?? 'pending',
    trendId,
    stance: q.stance,
    feedId: q.feedId,
    language: q.language,
    from: q.from !== undefined ? requireIsoDate(q.from, 'from') : undefined,
    to: q.to !== undefined ? requireIsoDate(q.to, 'to') : undefined,
    minScore: q.minScore,
    q: q.q?.trim() || undefined,
    origin: q.source !== undefined ? originOf(q.source) : undefined,
    sort: q.sort ?? 'score',
  };
}
