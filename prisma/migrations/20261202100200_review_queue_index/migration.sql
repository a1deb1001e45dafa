-- The reviewer's default queue (status = 'pending', no prediction filter, ORDER BY score DESC,
-- id DESC LIMIT 51) had no index in its order: (status, trend_id, score) needs a trend, so every
-- pending row was read and sorted (p50 417 ms under 50 clients at 100k rows). These indexes give
-- both queue sorts in index order, so a page reads its 51 rows whatever the table holds.
CREATE INDEX "evidence_status_score_id_idx" ON "evidence"("status", "score" DESC, "id" DESC);
CREATE INDEX "evidence_status_published_at_id_idx" ON "evidence"("status", "published_at" DESC, "id" DESC);
