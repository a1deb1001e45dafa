import { Injectable } from '@nestjs/common';
import { normaliseUrl } from '../articles/url-normaliser';
import type { Principal } from '../auth/roles';
import { AppError } from '../common/app-error';
import { requireIsoDate } from '../common/iso-date';
import { ID_CURSOR, Page, paginate } from '../common/pagination';
import { MetricsService } from '../metrics/metrics.service';
import { AuditRepository } from './audit.repository';
import { AuditEntryDto, BulkReviewResultDto, EvidenceItemDto } from './evidence.dto';
import { AuditQueryDto, EVIDENCE_STATUSES, EvidenceStatus, Stance, STANCES } from './evidence-query.dto';
import { EvidenceService } from './evidence.service';
import { BulkReviewDto, ManualEvidenceDto, ReviewDto } from './review.dto';
import { DecisionChange, ReviewRepository, ReviewState } from './review.repository';
import { Clock } from '../common/clock';

const DEFAULT_AUDIT_LIMIT = 50;

/** Reviewer decisions, manual evidence and the audit log that records both. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly audits: AuditRepository,
    private readonly evidence: EvidenceService,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  async review(id: number, body: ReviewDto, by: Principal): Promise<EvidenceItemDto> {
    const outcomes = await this.reviews.applyDecision([id], toChange(body), by.name, body.decision);
    this.metrics.reviewDecided(body.decision, outcomes.length);
    if (outcomes.length === 0) throw AppError.notFound('evidence', id);
    return this.evidence.get(id);
  }

  /** Ids that do not exist are reported per id rather than failing the whole batch. */
  async reviewMany(body: BulkReviewDto, by: Principal): Promise<BulkReviewResultDto> {
    const ids = [...new Set(body.ids)];
    const applied = await this.reviews.applyDecision(ids, toChange(body), by.name, body.decision);
    this.metrics.reviewDecided(body.decision, applied.length);
    const outcomes = new Map(applied.map((o) => [o.id, o]));
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
      publishedAt: body.publishedAt ? requireIsoDate(body.publishedAt, 'publishedAt') : this.clock.now(),
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
    this.metrics.evidenceCreated('manual', 1);
    return this.evidence.get(result.created);
  }

  /**
   * Puts an item back as it was before its latest decision (the desk's undo), recorded in the
   * audit log as an 'undo' whose `before` is the state it undid; undoing again redoes.
   */
  async undoLast(id: number, by: Principal): Promise<EvidenceItemDto> {
    const [last] = await this.audits.list(id, null, 1);
    const before = (last?.before ?? {}) as Partial<ReviewState>;
    if (!last || !isStatus(before.status) || !isStance(before.stance)) {
      throw AppError.conflict('nothing_to_undo', `evidence ${id} has no decision to undo`);
    }
    const change = { status: before.status, stance: before.stance, note: before.note ?? null };
    await this.reviews.applyDecision([id], change, by.name, 'undo');
    return this.evidence.get(id);
  }

  async auditLog(query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    return paginate({
      cursor: query.cursor,
      limit: query.limit ?? DEFAULT_AUDIT_LIMIT,
      shape: ID_CURSOR,
      fetch: (after, take) => this.audits.list(query.evidenceId, after?.id ?? null, take),
      position: (last) => ({ id: last.id }),
      view: AuditEntryDto.from,
    });
  }
}

function isStatus(value: unknown): value is EvidenceStatus {
  return (EVIDENCE_STATUSES as readonly unknown[]).includes(value);
}

function isStance(value: unknown): value is Stance {
  return (STANCES as readonly unknown[]).includes(value);
}

function toChange(body: ReviewDto): DecisionChange {
  return { status: body.decision === 'accept' ? 'accepted' : 'rejected', stance: body.stance, note: body.note };
}
