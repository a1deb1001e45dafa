import { ApiProperty } from '@nestjs/swagger';
import type { ReviewAudit } from '../generated/prisma/client';
import { EVIDENCE_SOURCES, EVIDENCE_STATUSES, EvidenceSource, sourceOf, STANCES } from './evidence-query.dto';
import type { EvidenceRow, OtherTag } from './evidence.repository';

export class FeedRefDto {
  @ApiProperty() id!: number;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
}

export class EvidenceArticleDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ type: [FeedRefDto] }) feeds!: FeedRefDto[];
}

export class EvidenceTrendDto {
  @ApiProperty() number!: number;
  @ApiProperty() slug!: string;
  @ApiProperty() titleEn!: string;
}

export class OtherTagDto {
  @ApiProperty({ description: 'slug of the other prediction' }) trend!: string;
  @ApiProperty({ enum: STANCES }) stance!: string;
  @ApiProperty({ enum: EVIDENCE_STATUSES }) status!: string;
  @ApiProperty() score!: number;
}

export class EvidenceItemDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: EVIDENCE_STATUSES }) status!: string;
  @ApiProperty({ enum: STANCES }) stance!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [String], description: 'the rule terms that matched' }) matchedTerms!: string[];
  @ApiProperty({ type: [String], description: 'the stance cues that matched' }) matchedCues!: string[];
  @ApiProperty({ nullable: true, type: String, description: 'why the rules tagged it' }) reason!: string | null;
  @ApiProperty({ nullable: true, type: Number }) ruleVersion!: number | null;
  @ApiProperty({ enum: ['rule', 'model', 'manual'] }) origin!: string;
  @ApiProperty({ enum: EVIDENCE_SOURCES, description: 'who proposed it: the rules, the evidence model, or a reviewer' })
  source!: EvidenceSource;
  @ApiProperty({ nullable: true, type: Number, description: "the model's probability (source model)" })
  probability!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'the model version that proposed it (source model)' })
  modelVersion!: number | null;
  @ApiProperty({ type: [String], description: 'the features that weighed most (source model)' }) features!: string[];
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewedAt!: string | null;
  @ApiProperty({ type: EvidenceArticleDto }) article!: EvidenceArticleDto;
  @ApiProperty({ type: EvidenceTrendDto }) trend!: EvidenceTrendDto;
  @ApiProperty({ type: [OtherTagDto], description: 'how the same article was tagged for other predictions' })
  otherTags!: OtherTagDto[];

  static from(row: EvidenceRow, tags: OtherTag[]): EvidenceItemDto {
    const matched = readMatched(row.matched);
    return {
      id: row.id,
      status: row.status,
      stance: row.stance,
      score: row.score,
      ...matched,
      ruleVersion: row.ruleVersion,
      origin: row.origin,
      source: sourceOf(row.origin),
      probability: row.probability,
      modelVersion: row.modelVersion,
      features: readFeatures(row.matched),
      note: row.reviewNote,
      reviewedBy: row.reviewedBy,
      reviewedAt: row.reviewedAt?.toISOString() ?? null,
      article: {
        id: row.article.id,
        title: row.article.title,
        url: row.article.url,
        publishedAt: row.article.publishedAt.toISOString(),
        language: row.article.language,
        feeds: row.article.sources.map((s) => ({ id: s.feed.id, title: s.feed.title })),
      },
      trend: { number: row.trend.number, slug: row.trend.slug, titleEn: row.trend.titleEn },
      otherTags: tags
        .filter((t) => t.articleId === row.articleId && t.evidenceId !== row.id)
        .map((t) => ({ trend: t.trend, stance: t.stance, status: t.status, score: t.score })),
    };
  }
}

export class EvidencePageDto {
  @ApiProperty({ type: [EvidenceItemDto] }) data!: EvidenceItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class BulkReviewItemDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['updated', 'not_found'] }) outcome!: 'updated' | 'not_found';
  @ApiProperty({ required: false, enum: EVIDENCE_STATUSES }) status?: string;
  @ApiProperty({ required: false, enum: STANCES }) stance?: string;
}

export class BulkReviewResultDto {
  @ApiProperty({ type: [BulkReviewItemDto], description: 'one entry per requested id, in request order' })
  data!: BulkReviewItemDto[];
  @ApiProperty() updated!: number;
  @ApiProperty() notFound!: number;
}

export class AuditEntryDto {
  @ApiProperty() id!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'the evidence decided on; null for a resolution, or once the evidence was deleted',
  })
  evidenceId!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "the prediction's resolution recorded; null for evidence" })
  resolutionId!: number | null;
  @ApiProperty({ description: 'name of the token that decided' }) actor!: string;
  @ApiProperty({ enum: ['accept', 'reject', 'create_manual', 'undo', 'resolve'] }) action!: string;
  @ApiProperty({ description: '{ status, stance, note } before the decision' }) before!: object;
  @ApiProperty({ description: '{ status, stance, note } after the decision' }) after!: object;
  @ApiProperty({
    nullable: true,
    type: Object,
    description:
      'what the decision was about, kept when the evidence was deleted: { evidenceId, article: { id, title, url }, trend: { number, slug }, stance, status }',
  })
  subject!: object | null;
  @ApiProperty() createdAt!: string;

  static from(a: ReviewAudit): AuditEntryDto {
    return {
      id: a.id,
      evidenceId: a.evidenceId,
      resolutionId: a.resolutionId,
      actor: a.actor,
      action: a.action,
      before: a.before as object,
      after: a.after as object,
      subject: (a.subject as object | null) ?? null,
      createdAt: a.createdAt.toISOString(),
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) data!: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** The tagger stores `{ terms, cues, reason }`; older or hand-made rows may lack any of them. */
function readMatched(value: unknown): { matchedTerms: string[]; matchedCues: string[]; reason: string | null } {
  const obj =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    matchedTerms: strings(obj.terms),
    matchedCues: strings(obj.cues),
    reason: typeof obj.reason === 'string' ? obj.reason : null,
  };
}

function readFeatures(matched: unknown): string[] {
  const features = (matched as { features?: unknown } | null)?.features;
  return Array.isArray(features) ? features.filter((f): f is string => typeof f === 'string') : [];
}
