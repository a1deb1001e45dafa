import { Injectable } from '@nestjs/common';
import { normaliseUrl } from '../articles/url-normaliser';
import type { Principal } from '../auth/roles';
import { AppError } from '../common/app-error';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { AuditRepository } from './audit.repository';
import { AuditEntryDto, BulkReviewResultDto, EvidenceItemDto } from './evidence.dto';
import { AuditQueryDto } from './evidence-query.dto';
import { EvidenceService } from './evidence.service';
import { BulkReviewDto, ManualEvidenceDto, ReviewDto } from './review.dto';
import { DecisionChange, ReviewRepository } from './review.repository';
import { Clock } from '../common/clock';

const DEFAULT_AUDIT_LIMIT = 50;

/** Reviewer decisions, manual evidence and the audit log that records both. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly audits: AuditRepository,
    private readonly evidence: EvidenceService,
    private readonly clock: Clock,
  ) {}

  async review(id: number, body: ReviewDto, by: Principal): Promise<EvidenceItemDto> {
    const outcomes = await this.reviews.applyDecision([id], toChange(body), by.name, body.decision);
    if (outcomes.length === 0) throw AppError.notFound('evidence', id);
    return this.evidence.get(id);
  }

  /** Ids that do not exist are reported per id rather than failing the whole batch. */
  async reviewMany(body: BulkReviewDto, by: Principal): Promise<BulkReviewResultDto> {
    const ids = [...new Set(body.ids)];
    const outcomes = new Map(
      (await this.reviews.applyDecision(ids, toChange(body), by.name, body.decision)).map((o) => [o.id, o]),
    );
    const data = ids.map((id) => {
      const done = outcomes.get(id);
      return done
        ? { id, outcome: 'updated' as const, status: done.after.status, stance: done.after.stance }
        : { id, outcome: 'not_found' as const };
    });
    return { data, updated: outcomes.size, notFound: ids.length - outcomes.size };
  }

  async addManual(body: ManualEvidenceDto, by: Principal): Promise<EvidenceItemDto> {
    const normalizedUrl = normaliseUrl(body.url);
    if (!normalizedUrl) throw AppError.badRequest('validation_failed', 'url must be an http(s) URL');
    const result = await this.reviews.createManual({
      url: body.url,
      normalizedUrl,
      title: body.title,
      publishedAt: body.publishedAt ? new Date(body.publishedAt) : this.clock.now(),
      trendId: await this.evidence.resolveTrendId(body.trend),
      stance: body.stance,
      note: body.note ?? null,
      actor: by.name,
    });
    if ('existing' in result) {
      throw AppError.conflict(
        'evidence_exists',
        `this article already has evidence ${result.existing} for that prediction`,
        {
          evidenceId: result.existing,
        },
      );
    }
    return this.evidence.get(result.created);
  }

  async auditLog(query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const limit = query.limit ?? DEFAULT_AUDIT_LIMIT;
    const cursor = decodeCursor<{ id: number }>(query.cursor, ['id']);
    if (cursor && !Number.isInteger(cursor.id))
      throw AppError.badRequest('invalid_cursor', 'cursor is not one this API issued');
    const rows = await this.audits.list(query.evidenceId, cursor?.id ?? null, limit + 1);
    return toPage(rows, limit, (last) => ({ id: last.id }), AuditEntryDto.from);
  }
}

function toChange(body: ReviewDto): DecisionChange {
  return { status: body.decision === 'accept' ? 'accepted' : 'rejected', stance: body.stance, note: body.note };
}
