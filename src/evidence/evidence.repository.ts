import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
import type { Article, Evidence, Feed, Trend } from '../generated/prisma/client';
import type { EvidenceStatus, Stance } from './evidence-query.dto';
import { retryOnWriteConflict } from '../database/write-conflict';
import {
  decodeEvidencePageRow,
  EvidencePageQuery,
  EvidencePageRow,
  evidencePageStatement,
  namedStatement,
} from './evidence-page.sql';

/** An evidence row with what a queue item shows of its article (and the article's feeds) and prediction. */
export type EvidenceRow = Evidence & {
  article: Pick<Article, 'id' | 'title' | 'url' | 'publishedAt' | 'language'> & {
    sources: { feed: Pick<Feed, 'id' | 'title'> }[];
  };
  trend: Pick<Trend, 'number' | 'slug' | 'titleEn'>;
};

export interface QueueFilter {
  status: EvidenceStatus;
  trendId?: number;
  stance?: Stance;
  feedId?: number;
  language?: string;
  from?: Date;
  to?: Date;
  minScore?: number;
  q?: string;
  /** Evidence origin: 'rule', 'model' or 'manual' (the API says rules / model / manual). */
  origin?: string;
  sort: 'score' | 'date';
}

/** Keyset position: the last row's sort value and id (ties broken by id, descending). */
export type QueuePosition = { value: number | string; id: number };

export interface OtherTag {
  evidenceId: number;
  articleId: number;
  trend: string;
  stance: string;
  status: string;
  score: number;
}

/** One rule hit the tagger wants recorded; `matched` is stored as the evidence's JSON reason. */
export interface RuleMatch {
  articleId: number;
  trendId: number;
  stance: Stance;
  score: number;
  matched: { terms: string[]; cues: string[]; reason: string } | Record<string, unknown>;
  ruleVersion: number;
  publishedAt: Date;
}

/** One proposal of the evidence model; written only where the pair has no evidence at all. */
export interface ModelProposalRow {
  articleId: number;
  trendId: number;
  stance: Stance;
  probability: number;
  modelVersion: number;
  matched: { terms: string[]; cues: string[]; reason: string; features: string[] };
  publishedAt: Date;
}

// 7 bind parameters per row; Postgres allows 65535 per statement.
const UPSERT_BATCH = 1000;

@Injectable()
export class EvidenceRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findById(id: number): Promise<{ row: EvidenceRow; otherTags: OtherTag[] } | null> {
    const [found] = await this.findPage({ filter: { id }, after: null, take: 1, withOtherTags: true });
    return found ?? null;
  }

  /**
   * One page, `take` rows after `after`, sorted descending by score or date, each with its article,
   * feeds and prediction and, when asked, the article's evidence for the other predictions.
   */
  async findPage(query: EvidencePageQuery): Promise<{ row: EvidenceRow; otherTags: OtherTag[] }[]> {
    const { rows } = await this.prisma.pool.query<EvidencePageRow>(namedStatement(evidencePageStatement(query)));
    return rows.map(decodeEvidencePageRow);
  }

  /**
   * For the tagging job. Records rule hits as evidence, in one statement per batch of 1000:
   * - an (article, trend) pair with no evidence yet becomes a new `pending`, origin `rule` row;
   * - a pair whose evidence is still `pending` and came from the rules is refreshed (stance,
   *   score, matched, rule version, date), e.g. after a rule-set change;
   * - a pair a reviewer has decided (`accepted`/`rejected`) or added by hand (`manual`) is left
   *   exactly as it is, which is what keeps a rejected article from ever coming back.
   * Duplicate pairs in the input keep their last entry. Rows go in sorted by (trend, publication
   * date) so concurrent writers take the trend_daily_rollups row locks (trigger) in one order
   * and cannot deadlock. Call it outside a transaction: each batch is one atomic statement, and a
   * deadlock retries that statement, which an aborted enclosing transaction could not.
   */
  async upsertRuleMatches(matches: RuleMatch[]): Promise<{ inserted: number; updated: number }> {
    const rows = sortForLocking(dedupeByPair(matches));
    const total = { inserted: 0, updated: 0 };
    for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
      const batch = rows.slice(i, i + UPSERT_BATCH);
      const counts = await retryOnWriteConflict(() => this.upsertBatch(batch));
      total.inserted += counts.inserted;
      total.updated += counts.updated;
    }
    return total;
  }

  /**
   * For the retag job, after matching `articleIds` against the current rules: deletes their
   * evidence whose (article, trend) pair is not in `stillMatching`, but only rows still `pending`
   * and of origin `rule`; decided and manual evidence stays. One statement per batch, all trends.
   * Rows are locked in (trend, publication date) order first, as upsertRuleMatches writes them.
   */
  async withdrawStalePendingForArticles(
    articleIds: number[],
    stillMatching: { articleId: number; trendId: number }[],
  ): Promise<number> {
    if (articleIds.length === 0) return 0;
    return retryOnWriteConflict(
      () => this.prisma.$executeRaw`
      DELETE FROM evidence WHERE id IN (
        SELECT e.id FROM evidence e
        WHERE e.article_id = ANY(${articleIds}::int[]) AND e.status = 'pending' AND e.origin = 'rule'
          AND NOT EXISTS (
            SELECT 1 FROM unnest(${stillMatching.map((m) => m.articleId)}::int[], ${stillMatching.map((m) => m.trendId)}::int[]) AS k(a, t)
            WHERE k.a = e.article_id AND k.t = e.trend_id)
        ORDER BY e.trend_id, e.published_at, e.id
        FOR UPDATE)`,
    );
  }

  /**
   * For the tagging job: files the model's proposals as `pending` evidence of origin `model`
   * (score = probability, so the queue sorted by score shows the likeliest first). ON CONFLICT DO
   * NOTHING: a pair that already has evidence (rules, manual, or any decision) is never changed
   * by the model. Sorted for locking like the rule upsert.
   */
  async insertModelProposals(proposals: ModelProposalRow[]): Promise<number> {
    const rows = [...proposals].sort(
      (a, b) => a.trendId - b.trendId || a.publishedAt.getTime() - b.publishedAt.getTime() || a.articleId - b.articleId,
    );
    let inserted = 0;
    for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
      const values = Prisma.join(
        rows.slice(i, i + UPSERT_BATCH).map(
          (m) => Prisma.sql`(${m.articleId}::int, ${m.trendId}::int, ${m.stance}::text, ${m.probability}::float8,
            ${JSON.stringify(m.matched)}::jsonb, ${m.modelVersion}::int, ${m.probability}::float8, ${m.publishedAt}::timestamptz)`,
        ),
      );
      inserted += await retryOnWriteConflict(
        () => this.prisma.$executeRaw`
        INSERT INTO evidence (article_id, trend_id, stance, score, matched, model_version, probability, published_at, origin, status, updated_at)
        SELECT v.*, 'model', 'pending', now() FROM (VALUES ${values})
          AS v(article_id, trend_id, stance, score, matched, model_version, probability, published_at)
        ON CONFLICT (article_id, trend_id) DO NOTHING`,
      );
    }
    return inserted;
  }

  private async upsertBatch(rows: RuleMatch[]): Promise<{ inserted: number; updated: number }> {
    const values = Prisma.join(
      rows.map(
        (m) => Prisma.sql`(${m.articleId}::int, ${m.trendId}::int, ${m.stance}::text, ${m.score}::float8,
          ${JSON.stringify(m.matched ?? {})}::jsonb, ${m.ruleVersion}::int, ${m.publishedAt}::timestamptz)`,
      ),
    );
    const [counts] = await this.prisma.$queryRaw<{ inserted: bigint; updated: bigint }[]>`
      WITH written AS (
        INSERT INTO evidence (article_id, trend_id, stance, score, matched, rule_version, published_at, origin, status, updated_at)
        SELECT v.*, 'rule', 'pending', now() FROM (VALUES ${values})
          AS v(article_id, trend_id, stance, score, matched, rule_version, published_at)
        ON CONFLICT (article_id, trend_id) DO UPDATE SET
          stance = EXCLUDED.stance, score = EXCLUDED.score, matched = EXCLUDED.matched,
          rule_version = EXCLUDED.rule_version, published_at = EXCLUDED.published_at, updated_at = now()
        WHERE evidence.status = 'pending' AND evidence.origin = 'rule'
        RETURNING (xmax = 0) AS inserted)
      SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM written`;
    return { inserted: Number(counts?.inserted ?? 0), updated: Number(counts?.updated ?? 0) };
  }
}

function dedupeByPair(matches: RuleMatch[]): RuleMatch[] {
  const byPair = new Map<string, RuleMatch>();
  for (const m of matches) byPair.set(`${m.articleId}:${m.trendId}`, m);
  return [...byPair.values()];
}

function sortForLocking(matches: RuleMatch[]): RuleMatch[] {
  return [...matches].sort(
    (a, b) => a.trendId - b.trendId || a.publishedAt.getTime() - b.publishedAt.getTime() || a.articleId - b.articleId,
  );
}
