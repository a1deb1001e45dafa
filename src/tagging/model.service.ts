import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { APP_ENV } from '../config/app-config';
import type { AppEnv } from '../config/env';
import { ArticleAssessment, assessArticle, EvidenceModel, trainEvidenceModel } from './evidence-model';
import { EvidenceModelRepository } from './evidence-model.repository';
import { decodeModel, encodeModel } from './model-codec';
import { loadShippedTrainingItems } from './shipped-training-data';
import { loadShippedModel } from './shipped-model';
import { TrendRepository } from '../trends/trend.repository';

export interface LoadedModel {
  version: number;
  model: EvidenceModel;
}

export interface RetrainSummary {
  retrained: boolean;
  reason: string;
  version: number | null;
  newDecisions: number;
  trainingSize?: number;
  trainingMs?: number;
}

/**
 * The evidence model's life cycle: the current version (cached until the version changes), the
 * model shipped with the project trained and stored on first use, retraining when enough new
 * decisions exist, and rollback to the previous version.
 */
@Injectable()
export class ModelService {
  private readonly logger = new Logger(ModelService.name);
  private cached: LoadedModel | null = null;

  constructor(
    private readonly models: EvidenceModelRepository,
    private readonly trends: TrendRepository,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  /** A loaded model's proposals for one article (at the configured threshold) and its stance probability. */
  assess(
    loaded: LoadedModel,
    article: { title: string; summary?: string | null },
    taggedByRules: ReadonlySet<string>,
  ): ArticleAssessment {
    return assessArticle(loaded.model, article, taggedByRules, this.env.modelProposalThreshold);
  }

  /** The current model; on a fresh database the shipped one is trained and stored as version 1. */
  async current(): Promise<LoadedModel | null> {
    if (!this.env.modelEnabled) return null;
    let version = await this.models.currentVersion();
    if (version === null) version = (await this.storeShipped()) ?? (await this.train(0)).version;
    if (this.cached?.version === version) return this.cached;
    const row = await this.models.current();
    if (!row) return null;
    this.cached = { version: row.version, model: decodeModel(row) };
    return this.cached;
  }

  /** Trains on the shipped sets plus every decision when there is no model yet or enough decisions are new. */
  async retrain(): Promise<RetrainSummary> {
    const current = await this.models.current();
    const newDecisions = await this.models.decisionsSince(current?.trainedAt ?? null);
    if (current && newDecisions < this.env.modelRetrainMinDecisions) {
      const reason = `${newDecisions} new decisions, fewer than MODEL_RETRAIN_MIN_DECISIONS=${this.env.modelRetrainMinDecisions}`;
      return { retrained: false, reason, version: current.version, newDecisions };
    }
    const trained = await this.train(newDecisions);
    return { retrained: true, reason: current ? 'enough new decisions' : 'no model yet', newDecisions, ...trained };
  }

  /** Rolls the current version back; the previous one becomes current. */
  async rollBack(): Promise<{ rolledBack: number; current: number }> {
    const versions = (await this.models.listVersions()).filter((v) => v.rolledBackAt === null);
    if (versions.length < 2)
      throw AppError.conflict('no_previous_model', 'there is no earlier model version to roll back to');
    await this.models.rollBack(versions[0]!.version);
    return { rolledBack: versions[0]!.version, current: versions[1]!.version };
  }

  versions() {
    return this.models.listVersions();
  }

  /** Stores the committed shipped model as the first version; null when the checkout has none. */
  private async storeShipped(): Promise<number | null> {
    const shipped = loadShippedModel();
    if (!shipped) return null;
    const metrics = { shipped: true, labelled: shipped.trainingIds.length, decidedArticles: 0 };
    const trainingSize = shipped.trainingIds.length;
    // Always version 1 (it is stored only where there is none): instances starting together on a
    // fresh database collide on the number and all use the one stored, instead of storing it twice.
    return this.saveOrReread({ ...encodeModel(shipped), trainingSize, decisionsUsed: 0, metrics }, 1);
  }

  private async train(newDecisions: number): Promise<{ version: number; trainingSize: number; trainingMs: number }> {
    const started = Date.now();
    const decided = await this.models.decidedTrainingItems();
    const items = [...loadShippedTrainingItems(), ...decided];
    const slugs = (await this.trends.findAll()).map((t) => t.slug);
    const model = trainEvidenceModel(slugs, items);
    const trainingMs = Date.now() - started;
    const metrics = { trainingMs, labelled: items.length - decided.length, decidedArticles: decided.length };
    const version = await this.saveOrReread({
      ...encodeModel(model),
      trainingSize: items.length,
      decisionsUsed: newDecisions,
      metrics,
    });
    this.logger.log(`evidence model v${version} trained on ${items.length} items in ${trainingMs} ms`);
    return { version, trainingSize: items.length, trainingMs };
  }

  /** Two instances training the first model together: the loser uses the winner's version. */
  private async saveOrReread(model: Parameters<EvidenceModelRepository['save']>[0], version?: number): Promise<number> {
    const saved = await this.models.save(model, version);
    if (saved !== null) return saved;
    const current = await this.models.currentVersion();
    if (current !== null) return current;
    // The number was taken by a version since rolled back (every one was, by hand): the next number.
    if (version !== undefined) return this.saveOrReread(model);
    throw new Error('the evidence model version was taken, yet no model is stored');
  }
}
