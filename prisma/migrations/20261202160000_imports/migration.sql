-- Imports of archives (JSON Lines, CSV, saved feed files, a feed's own paged history): one row per
-- import with its checkpoint, committed after every chunk, so an interrupted import resumes.
CREATE TABLE "imports" (
    "id" SERIAL NOT NULL,
    "format" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "source" TEXT,
    "since" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL DEFAULT 'running',
    "checkpoint" JSONB NOT NULL DEFAULT '{}',
    "total_bytes" BIGINT,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "refusals" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "imports_format_location_status_idx" ON "imports"("format", "location", "status");

-- How a feed row came to be: 'feed' is polled, 'import' is a named source of imported articles
-- (never polled: it is also paused), so per-source dedupe and "seen in" work for imports too.
ALTER TABLE "feeds" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'feed';

-- Which import brought an article into a source (null: polled).
ALTER TABLE "feed_items" ADD COLUMN "import_id" INTEGER;
ALTER TABLE "feed_items" ADD CONSTRAINT "feed_items_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE SET NULL ON UPDATE CASCADE;
