-- Verdicts (issue 13): an admin resolves a prediction with an outcome, a rationale and the
-- evidence it rests on. Resolutions are append-only: a change is a new row, the old one stays,
-- and the database itself refuses UPDATE and DELETE so no code path can rewrite history.
CREATE TABLE trend_resolutions (
  id              SERIAL PRIMARY KEY,
  trend_id        INTEGER NOT NULL REFERENCES trends(id) ON DELETE CASCADE,
  outcome         TEXT NOT NULL CHECK (outcome IN ('borne-out', 'partly', 'not-borne-out', 'ambiguous')),
  rationale_zh    TEXT,
  rationale_en    TEXT,
  evidence_ids    INTEGER[] NOT NULL DEFAULT '{}',
  before_horizon  BOOLEAN NOT NULL DEFAULT false,
  resolved_by     TEXT NOT NULL,
  created_at      TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CHECK (rationale_zh IS NOT NULL OR rationale_en IS NOT NULL)
);
CREATE INDEX trend_resolutions_trend_id_created_at_idx ON trend_resolutions (trend_id, created_at);

CREATE FUNCTION trend_resolutions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'trend_resolutions is append-only: record a new resolution instead'
    USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER trend_resolutions_no_update BEFORE UPDATE OR DELETE ON trend_resolutions
  FOR EACH ROW EXECUTE FUNCTION trend_resolutions_append_only();

-- The review audit trail records resolutions too (evidence_id is already nullable: audit rows
-- outlive deleted evidence, 20261202100000): a resolution's row names it in resolution_id.
ALTER TABLE review_audit ADD COLUMN resolution_id INTEGER REFERENCES trend_resolutions(id) ON DELETE CASCADE;
