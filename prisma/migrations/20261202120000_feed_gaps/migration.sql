-- A fetch that shares no item with what the feed had stored means items were probably missed
-- (the feed published more between two polls than it shows): counted on the feed, and dated.
ALTER TABLE "feeds" ADD COLUMN "gap_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "feeds" ADD COLUMN "last_gap_at" TIMESTAMPTZ(3);
