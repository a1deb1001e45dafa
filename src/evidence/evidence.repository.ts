import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
import type { EvidenceStatus, Stance } from './evidence-query.dto';
import { retryOnWriteConflict } from '../database/write-conflict';

/** What a queue item needs besides the evidence row: its article (with feeds) and its trend. */
const EVIDENCE_INCLUDE = {
  article: {
    select: {
      id: true,
      title: true,
      url: true,
      publishedAt: true,
      language: true,
      sources: { select: { feed: { select: { id: true, title: true } } }, orderBy: { feedId: 'asc' } },
    },
  },
  trend: { select: { number: true, slug: true, titleEn: true } },
} satisfies Prisma.EvidenceInclude;

export type EvidenceRow = Prisma.EvidenceGetPayload<{ include: typeof EVIDENCE_INCLUDE }>;

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

  findById(id: number): Promise<EvidenceRow | null> {
    return this.prisma.evidence.findUnique({ where: { id }, include: EVIDENCE_INCLUDE });
  }

  /** One page of the queue, `take` rows after `after`, sorted descending by score or date. */
  findQueue(filter: QueueFilter, after: QueuePosition | null, take: number): Promise<EvidenceRow[]> {
    const sortField = filter.sort === 'score' ? 'score' : 'publishedAt';
    const where: Prisma.EvidenceWhereInput = { AND: [queueWhere(filter), after ? afterWhere(sortField, after) : {}] };
    return this.prisma.evidence.findMany({
      where,
      include: EVIDENCE_INCLUDE,
      orderBy: [{ [sortField]: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  /** Every evidence row of these articles, so a reviewer sees how each was tagged elsewhere. */
  async findTagsOfArticles(articleIds: number[]): Promise<OtherTag[]> {
    if (articleIds.length === 0) return [];
    const rows = await this.prisma.evidence.findMany({
      where: { articleId: { in: articleIds } },
      select: {
        id: true,
        articleId: true,
        stance: true,
        status: true,
        score: true,
        trend: { select: { slug: true, number: true } },
      },
      orderBy: [{ trend: { number: 'asc' } }],
    });
    return rows.map((r) => ({
      evidenceId: r.id,
      articleId: r.articleId,
      trend: r.trend.slug,
      stance: r.stance,
      status: r.status,
      score: r.score,
    }));
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

function queueWhere(f: QueueFilter): Prisma.EvidenceWhereInput {
  const article: Prisma.ArticleWhereInput = {
    ...(f.language !== undefined ? { language: { equals: f.language, mode: 'insensitive' } } : {}),
    ...(f.from || f.to ? { publishedAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
    ...(f.feedId !== undefined ? { sources: { some: { feedId: f.feedId } } } : {}),
    ...(f.q ? { OR: [{ title: textContains(f.q) }, { summary: textContains(f.q) }] } : {}),
  };
  return {
    status: f.status,
    ...(f.trendId !== undefined ? { trendId: f.trendId } : {}),
    ...(f.stance !== undefined ? { stance: f.stance } : {}),
    ...(f.origin !== undefined ? { origin: f.origin } : {}),
    ...(f.minScore !== undefined ? { score: { gte: f.minScore } } : {}),
    ...(Object.keys(article).length > 0 ? { article } : {}),
  };
}

/** Prisma passes `contains` to ILIKE as is, so % and _ would act as wildcards; escape them. */
function textContains(text: string): Prisma.StringFilter {
  return { contains: text.replace(/[\\%_]/g, (c) => `\\${c}`), mode: 'insensitive' };
}

function afterWhere(field: 'score' | 'publishedAt', after: QueuePosition): Prisma.EvidenceWhereInput {
  const value = field === 'score' ? Number(after.value) : new Date(after.value);
  return { OR: [{ [field]: { lt: value } }, { [field]: value, id: { lt: after.id } }] };
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
