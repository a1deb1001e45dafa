-- The scorecard shows each prediction's strongest recent accepted evidence: reading the latest
-- accepted rows of one trend must be an index range, whatever the size of the table.
CREATE INDEX "evidence_trend_id_status_published_at_idx" ON "evidence"("trend_id", "status", "published_at" DESC);
