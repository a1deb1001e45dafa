-- Verdicts (issue 13) read each prediction's newest accepted evidence with when it was accepted
-- (reviewed_at, or created_at for evidence filed accepted), to count only what was known at asOf.
-- Including those two columns keeps that read index-only like the scorecard's: without them it was
-- one heap lookup per row (2,000 per scorecard request at 1M rows). Same name and key columns, so
-- schema.prisma's @@index([trendId, status, publishedAt(sort: Desc)]) still describes it.
DROP INDEX "evidence_trend_id_status_published_at_idx";
CREATE INDEX "evidence_trend_id_status_published_at_idx" ON "evidence"("trend_id", "status", "published_at" DESC)
  INCLUDE ("id", "score", "stance", "article_id", "reviewed_at", "created_at");
