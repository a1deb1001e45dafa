-- The audit trail must outlive what it audits: deleting a feed with its articles used to cascade
-- through evidence into review_audit and destroy reviewers' decisions. Audit rows now keep a
-- snapshot of what was decided on (article title and url, prediction, stance, status) and lose
-- only the link to evidence that no longer exists.
ALTER TABLE "review_audit" ADD COLUMN "subject" JSONB;
ALTER TABLE "review_audit" ALTER COLUMN "evidence_id" DROP NOT NULL;
ALTER TABLE "review_audit" DROP CONSTRAINT "review_audit_evidence_id_fkey";
ALTER TABLE "review_audit" ADD CONSTRAINT "review_audit_evidence_id_fkey"
  FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;
