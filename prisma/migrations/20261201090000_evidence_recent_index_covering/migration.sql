-- The scorecard reads each prediction's latest 50 accepted evidence rows to pick the strongest.
-- With only the key columns in this index that was one heap page per row (~530 buffers per request
-- at 1M rows, ~1.1 ms); with the columns it reads included, it is an index-only scan (~40 buffers,
-- ~0.5 ms). Same name and key columns: Prisma's schema cannot express INCLUDE, and the index it
-- describes (@@index([trendId, status, publishedAt(sort: Desc)])) is still this one.
DROP INDEX "evidence_trend_id_status_published_at_idx";
CREATE INDEX "evidence_trend_id_status_published_at_idx" ON "evidence"("trend_id", "status", "published_at" DESC) INCLUDE ("id", "score", "stance", "article_id");
