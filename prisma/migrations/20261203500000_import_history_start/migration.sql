-- The oldest publication date each import brought in: where the default momentum window of a
-- prediction starts once history has been imported (src/momentum/momentum-window.ts). Kept per
-- import, moved with every chunk's checkpoint, so the momentum read asks a table of a few rows
-- instead of scanning feed_items and articles for imported rows.
ALTER TABLE "imports" ADD COLUMN "oldest_published_at" TIMESTAMPTZ(3);

UPDATE "imports" i SET "oldest_published_at" = (
  SELECT min(a."published_at") FROM "feed_items" fi JOIN "articles" a ON a."id" = fi."article_id"
  WHERE fi."import_id" = i."id"
);

-- Momentum answers read it, so the read cache must see it move (a chunk's articles are written
-- in statements of their own, before the checkpoint that moves this column).
CREATE TRIGGER "imports_read_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "imports"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version();
