import { Clock } from '../common/clock';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { ModelTrainingItem, Stance } from './evidence-model';
import type { StoredModel } from './model-codec';
import type { DecidedEvidence } from './tagging-quality';
import { insertModelStatement, modelWeightsStatement } from './evidence-model.sql';

export interface ModelVersionRow extends StoredModel {
  version: number;
  trainedAt: Date;
  trainingSize: number;
  decisionsUsed: number;
  metrics: Record<string, unknown>;
  rolledBackAt: Date | null;
}

export interface NewModelVersion extends StoredModel {
  trainingSize: number;
  decisionsUsed: number;
  metrics: Record<string, unknown>;
}

const SUMMARY_SELECT = {
  version: true,
  trainedAt: true,
  trainingSize: true,
  decisionsUsed: true,
  metrics: true,
  rolledBackAt: true,
} as const;

/** Versions of the evidence model, and the reviewer decisions it learns from. */
@Injectable()
export class EvidenceModelRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  /** The newest version not rolled back, or null on a fresh database. */
  async current(): Promise<ModelVersionRow | null> {
    const row = await this.prisma.evidenceModel.findFirst({
      where: { rolledBackAt: null },
      orderBy: { version: 'desc' },
      omit: { weights: true },
    });
    if (!row) return null;
    // The weights through the pool (evidence-model.sql.ts says why); a version's row never changes.
    const { rows } = await this.prisma.pool.query<{ weights: Buffer }>(modelWeightsStatement(row.version));
    return {
      ...row,
      trends: row.trends as string[],
      bias: row.bias as number[],
      weights: rows[0]!.weights,
      metrics: row.metrics as Record<string, unknown>,
    };
  }

  async currentVersion(): Promise<number | null> {
    const row = await this.prisma.evidenceModel.findFirst({
      where: { rolledBackAt: null },
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    return row?.version ?? null;
  }

  listVersions() {
    return this.prisma.evidenceModel.findMany({ orderBy: { version: 'desc' }, select: SUMMARY_SELECT });
  }

  /**
   * Stores a new version, numbered `version` or after every existing one, through the pool
   * (evidence-model.sql.ts). Null when another instance stored that number first: the unique
   * version settles races.
   */
  async save(model: NewModelVersion, version?: number): Promise<number | null> {
    version ??= (await this.lastVersion()) + 1;
    const { rows } = await this.prisma.pool.query<{ version: number }>(insertModelStatement({ ...model, version }));
    return rows[0]?.version ?? null;
  }

  private async lastVersion(): Promise<number> {
    const last = await this.prisma.evidenceModel.findFirst({ orderBy: { version: 'desc' }, select: { version: true } });
    return last?.version ?? 0;
  }

  /** Marks the current version rolled back; answers the version now current (null: none left). */
  async rollBack(version: number): Promise<void> {
    await this.prisma.evidenceModel.update({ where: { version }, data: { rolledBackAt: this.clock.now() } });
  }

  /** Reviewer decisions recorded since `since` (all of them when null). */
  decisionsSince(since: Date | null): Promise<number> {
    return this.prisma.reviewAudit.count({ where: since ? { createdAt: { gt: since } } : {} });
  }

  /**
   * Every decided evidence row as training data, grouped by article: accepted (with the stance
   * the reviewer left, so a stance correction teaches the corrected stance) is a positive;
   * rejected says the article is not evidence for that prediction. Other predictions stay unknown.
   */
  async decidedTrainingItems(): Promise<ModelTrainingItem[]> {
    const rows = await this.prisma.evidence.findMany({
      where: { status: { in: ['accepted', 'rejected'] } },
      select: {
        articleId: true,
        status: true,
        stance: true,
        trend: { select: { slug: true } },
        article: { select: { title: true, summary: true } },
      },
      orderBy: { articleId: 'asc' },
    });
    const byArticle = new Map<number, ModelTrainingItem>();
    for (const row of rows) {
      let item = byArticle.get(row.articleId);
      if (!item) {
        item = { id: `article:${row.articleId}`, ...row.article, positives: [], negativeTrends: [], allKnown: false };
        byArticle.set(row.articleId, item);
      }
      if (row.status === 'accepted') item.positives.push({ trend: row.trend.slug, stance: row.stance as Stance });
      else item.negativeTrends.push(row.trend.slug);
    }
    return [...byArticle.values()];
  }

  /** Every decided evidence row with what proposed it, for the quality report. */
  async decidedEvidence(): Promise<DecidedEvidence[]> {
    const rows = await this.prisma.evidence.findMany({
      where: { status: { in: ['accepted', 'rejected'] } },
      select: { origin: true, status: true, probability: true, matched: true, trend: { select: { slug: true } } },
    });
    const strings = (value: unknown) =>
      Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    return rows.map((row) => {
      const matched = (row.matched ?? {}) as Record<string, unknown>;
      return {
        trend: row.trend.slug,
        origin: row.origin,
        status: row.status as DecidedEvidence['status'],
        probability: row.probability,
        terms: strings(matched.terms),
        cues: strings(matched.cues),
        features: strings(matched.features),
      };
    });
  }
}
