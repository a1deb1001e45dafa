-- The learned second stage of tagging (issue 14). Each trained evidence model is a version:
-- when it was trained, on how much, its figures, and its weights (sparse float32, see
-- src/tagging/model-codec.ts). The current model is the newest not rolled back. Evidence the model
-- proposed records which version proposed it and its probability; its origin is 'model'.
CREATE TABLE "evidence_models" (
    "id" SERIAL NOT NULL,
    "version" INTEGER NOT NULL,
    "trained_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "training_size" INTEGER NOT NULL,
    "decisions_used" INTEGER NOT NULL DEFAULT 0,
    "metrics" JSONB NOT NULL DEFAULT '{}',
    "trends" JSONB NOT NULL,
    "bias" JSONB NOT NULL,
    "dimensions" INTEGER NOT NULL,
    "weights" BYTEA NOT NULL,
    "rolled_back_at" TIMESTAMPTZ(3),
    CONSTRAINT "evidence_models_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "evidence_models_version_key" ON "evidence_models"("version");

ALTER TABLE "evidence" ADD COLUMN "model_version" INTEGER;
ALTER TABLE "evidence" ADD COLUMN "probability" DOUBLE PRECISION;
