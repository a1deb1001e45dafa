import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import type { EvidenceStatus, Stance } from './evidence-query.dto';
import { Clock } from '../common/clock';

/** The reviewable part of an evidence row, as recorded before and after in the audit log. */
export interface ReviewState {
  status: string;
  stance: string;
  note: string | null;
}

export interface DecisionChange {
  /** 'pending' only when an undo puts an item back in the queue. */
  status: EvidenceStatus;
  stance?: Stance;
  /** Kept when undefined; null or "" clears it. */
  note?: string | null;
}

export interface DecisionOutcome {
  id: number;
  before: ReviewState;
  after: ReviewState;
}

export interface ManualEvidenceInput {
  url: string;
  normalizedUrl: string;
  title: string;
  publishedAt: Date;
  trendId: number;
  stance: Stance;
  note: string | null;
  actor: string;
}

export type ManualEvidenceResult = { created: number } | { existing: number };

type LockedRow = { id: number; status: string; stance: string; review_note: string | null };

// A bulk decision of 500 rows is 500 updates in one transaction; Prisma's default 5 s is tight.
const DECISION_TX_TIMEOUT_MS = 30_000;

/** Writes reviewer decisions; each write and its audit row commit together or not at all. */
@Injectable()
export class ReviewRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  /**
   * Applies one decision to every listed evidence row that exists (missing ids are simply not
   * in the result). Rows are locked and updated in (trend, publication date) order, the order
   * the tagger writes in, so a bulk review and a tagging run take rollup locks alike.
   */
  applyDecision(ids: number[], change: DecisionChange, actor: string, action: string): Promise<DecisionOutcome[]> {
    return this.prisma.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<LockedRow[]>`
          SELECT id, status, stance, review_note FROM evidence WHERE id = ANY(${ids}::int[])
          ORDER BY trend_id, published_at, id FOR UPDATE`;
        const now = this.clock.now();
        const outcomes = locked.map((row) => decide(row, change));
        // One statement for the whole batch, so the statement-level rollup trigger runs once
        // (per-row UPDATEs ran it once per row). The rows are already locked in order above.
        await tx.$executeRaw`
          UPDATE evidence AS e
          SET status = c.status, stance = c.stance, review_note = c.note,
              reviewed_by = ${actor}, reviewed_at = ${now}, updated_at = ${now}
          FROM unnest(${outcomes.map((o) => o.id)}::int[], ${outcomes.map((o) => o.after.status)}::text[],
                      ${outcomes.map((o) => o.after.stance)}::text[], ${outcomes.map((o) => o.after.note)}::text[])
               AS c(id, status, stance, note)
          WHERE e.id = c.id`;
        await tx.reviewAudit.createMany({ data: outcomes.map((o) => auditRow(o, actor, action, now)) });
        return outcomes;
      },
      { timeout: DECISION_TX_TIMEOUT_MS },
    );
  }

  /**
   * Finds or creates the article by normalised URL, then files accepted manual evidence for it,
   * with its audit row. When the (article, trend) pair already has evidence nothing is written
   * and the existing evidence id is answered instead. ON CONFLICT keeps both steps race-free.
   */
  createManual(input: ManualEvidenceInput): Promise<ManualEvidenceResult> {
    return this.prisma.$transaction(async (tx) => {
      const article = await findOrCreateArticle(tx, input);
      const inserted = await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO evidence (article_id, trend_id, stance, score, matched, rule_version, origin, status,
                              published_at, review_note, reviewed_by, reviewed_at, updated_at)
        VALUES (${article.id}, ${input.trendId}, ${input.stance}, 1,
                ${JSON.stringify({ terms: [], cues: [], reason: `added by hand by ${input.actor}` })}::jsonb,
                NULL, 'manual', 'accepted', ${article.published_at}, ${input.note}, ${input.actor}, now(), now())
        ON CONFLICT (article_id, trend_id) DO NOTHING
        RETURNING id`;
      const created = inserted[0]?.id;
      if (created === undefined) {
        const existing = await tx.evidence.findUniqueOrThrow({
          where: { articleId_trendId: { articleId: article.id, trendId: input.trendId } },
        });
        return { existing: existing.id };
      }
      const after: ReviewState = { status: 'accepted', stance: input.stance, note: input.note };
      await tx.reviewAudit.create({
        data: { evidenceId: created, actor: input.actor, action: 'create_manual', before: {}, after: { ...after } },
      });
      return { created };
    });
  }
}

function decide(row: LockedRow, change: DecisionChange): DecisionOutcome {
  const before: ReviewState = { status: row.status, stance: row.stance, note: row.review_note };
  const after: ReviewState = {
    status: change.status,
    stance: change.stance ?? row.stance,
    note: change.note !== undefined ? change.note : row.review_note,
  };
  return { id: row.id, before, after };
}

function auditRow(o: DecisionOutcome, actor: string, action: string, at: Date): Prisma.ReviewAuditCreateManyInput {
  return { evidenceId: o.id, actor, action, before: { ...o.before }, after: { ...o.after }, createdAt: at };
}

async function findOrCreateArticle(
  tx: Prisma.TransactionClient,
  input: ManualEvidenceInput,
): Promise<{ id: number; published_at: Date }> {
  await tx.$executeRaw`
    INSERT INTO articles (url, normalized_url, title, published_at)
    VALUES (${input.url}, ${input.normalizedUrl}, ${input.title}, ${input.publishedAt})
    ON CONFLICT (normalized_url) DO NOTHING`;
  const [article] = await tx.$queryRaw<{ id: number; published_at: Date }[]>`
    SELECT id, published_at FROM articles WHERE normalized_url = ${input.normalizedUrl}`;
  return article!;
}
