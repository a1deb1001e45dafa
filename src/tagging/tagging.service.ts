import { setImmediate } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { EvidenceRepository, ModelProposalRow, RuleMatch } from '../evidence/evidence.repository';
import { ArticleAssessment, ModelProposal, stanceOverRules } from './evidence-model';
import { LoadedModel, ModelService } from './model.service';
import { STANCE_OVER_RULES_MARGIN } from './model-settings';
import { MetricsService } from '../metrics/metrics.service';
import { matchArticle, TrendMatch } from './matcher';
import { MatcherService } from './matcher.service';
import { ArticleToTag, TaggingRepository } from './tagging.repository';

export interface TaggingSummary {
  articlesTagged: number;
  evidenceNew: number;
  evidenceRefreshed: number;
  evidenceWithdrawn: number;
  /** Proposals of the evidence model filed as pending (pairs the rules did not tag). */
  modelProposals: number;
}

const BATCH = 1000;
/**
 * Matching and model scoring are synchronous CPU work on the main thread (~0.2 ms an article
 * together): a batch of 1,000 in one go held every HTTP request back for ~200 ms. Giving the
 * event loop a turn every 64 articles bounds that wait to ~15 ms.
 */
const YIELD_EVERY = 64;

/**
 * Turns articles into evidence with the current rules. Writes are idempotent (one evidence row
 * per article and prediction; decided rows are never touched), so a crash part-way only means
 * the untagged rest is picked up by the next run.
 */
@Injectable()
export class TaggingService {
  constructor(
    private readonly matchers: MatcherService,
    private readonly articles: TaggingRepository,
    private readonly evidence: EvidenceRepository,
    private readonly models: ModelService,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * Tags every article not tagged yet (new from ingestion). Nothing to withdraw: an untagged
   * article has no rule evidence, or (after a crash before marking) exactly what re-matching gives.
   */
  tagUntagged(signal?: AbortSignal): Promise<TaggingSummary> {
    return this.tagAll((afterId) => this.articles.untagged(afterId, BATCH), false, signal);
  }

  /**
   * Tags articles this process has just stored, from the text it holds (an import's new articles:
   * reading them back cost the database more than the rest of their tagging). The same writes as
   * tagUntagged, which they would otherwise wait for in the queue; idempotent like it, so an
   * article tagged by both at once gets its evidence once.
   */
  async tagStored(articles: ArticleToTag[]): Promise<TaggingSummary> {
    const summary = emptySummary();
    for (let start = 0; start < articles.length; start += BATCH)
      await this.tagBatch(articles.slice(start, start + BATCH), false, summary);
    return summary;
  }

  /** Re-tags every stored article: new matches appear, pending ones that no longer match go. */
  retagAll(signal?: AbortSignal): Promise<TaggingSummary> {
    return this.tagAll((afterId) => this.articles.all(afterId, BATCH), true, signal);
  }

  async preview(article: { title: string; summary?: string }): Promise<TrendMatch[]> {
    const { matcher } = await this.matchers.current();
    return matchArticle(matcher, article);
  }

  private async tagAll(
    next: (afterId: number) => Promise<ArticleToTag[]>,
    withdraw: boolean,
    signal?: AbortSignal,
  ): Promise<TaggingSummary> {
    const summary = emptySummary();
    let afterId = 0;
    while (!signal?.aborted) {
      const batch = await next(afterId);
      if (batch.length === 0) break;
      await this.tagBatch(batch, withdraw, summary);
      afterId = batch[batch.length - 1]!.id;
    }
    return summary;
  }

  private async tagBatch(batch: ArticleToTag[], withdraw: boolean, summary: TaggingSummary): Promise<void> {
    const { matcher, trendIdBySlug } = await this.matchers.current();
    const loaded = await this.models.current();
    const matches: RuleMatch[] = [];
    const proposals: ModelProposalRow[] = [];
    for (const [n, article] of batch.entries()) {
      if (n > 0 && n % YIELD_EVERY === 0) await setImmediate();
      const byRules = matchArticle(matcher, article).filter((m) => trendIdBySlug.has(m.trendSlug));
      const assessed = loaded
        ? this.models.assess(loaded, article, new Set(byRules.map((m) => m.trendSlug)))
        : { proposals: [], contradicts: null };
      for (const m of byRules)
        matches.push(ruleMatchRow(article, m, trendIdBySlug.get(m.trendSlug)!, assessed, loaded));
      for (const p of assessed.proposals) {
        const trendId = trendIdBySlug.get(p.trendSlug);
        if (trendId !== undefined) proposals.push(proposalRow(article, p, trendId, loaded!.version));
      }
    }
    const written = await this.evidence.upsertRuleMatches(matches);
    summary.evidenceNew += written.inserted;
    this.metrics.evidenceCreated('rules', written.inserted);
    summary.evidenceRefreshed += written.updated;
    const created = await this.evidence.insertModelProposals(proposals);
    this.metrics.evidenceCreated('model', created);
    summary.modelProposals += created;
    const ids = batch.map((a) => a.id);
    if (withdraw) summary.evidenceWithdrawn += await this.evidence.withdrawStalePendingForArticles(ids, matches);
    await this.articles.markTagged(ids);
    summary.articlesTagged += batch.length;
  }
}

/**
 * A rule match as stored: with the model's stance when its stance output is sure and disagrees
 * (stanceOverRules), the reason then saying so and keeping the rule's own stance.
 */
function ruleMatchRow(
  article: ArticleToTag,
  m: TrendMatch,
  trendId: number,
  assessed: ArticleAssessment,
  loaded: LoadedModel | null,
): RuleMatch {
  const stance = stanceOverRules(m.stance, assessed.contradicts, STANCE_OVER_RULES_MARGIN);
  const byModel = stance !== m.stance && loaded !== null && assessed.contradicts !== null;
  const p = Math.round((assessed.contradicts ?? 0) * 1000) / 1000;
  const matched: RuleMatch['matched'] = byModel
    ? {
        terms: m.matchedTerms,
        cues: m.stanceCues,
        reason: `${m.reason}; stance ${stance} from model v${loaded.version} (p(contradicts)=${p}), the rule's cues said ${m.stance}`,
        ruleStance: m.stance,
        stanceFrom: `model v${loaded.version}`,
      }
    : { terms: m.matchedTerms, cues: m.stanceCues, reason: m.reason };
  return {
    articleId: article.id,
    trendId,
    stance,
    score: m.score,
    matched,
    ruleVersion: m.ruleVersion,
    publishedAt: article.publishedAt,
  };
}

/** A model proposal as a pending row (the queue shows its reason and strongest features). */
function proposalRow(article: ArticleToTag, p: ModelProposal, trendId: number, version: number): ModelProposalRow {
  const reason = `model v${version}: p=${p.probability} ${p.stance}; strongest features: ${p.features.join(', ')}`;
  return {
    articleId: article.id,
    trendId,
    stance: p.stance,
    probability: p.probability,
    modelVersion: version,
    matched: { terms: [], cues: [], reason, features: p.features },
    publishedAt: article.publishedAt,
  };
}

function emptySummary(): TaggingSummary {
  return { articlesTagged: 0, evidenceNew: 0, evidenceRefreshed: 0, evidenceWithdrawn: 0, modelProposals: 0 };
}
