-- Digests count the evidence stored during their period (created_at), not published in it;
-- without this index each weekly digest scans the whole evidence table.
CREATE INDEX "evidence_created_at_idx" ON "evidence"("created_at");
