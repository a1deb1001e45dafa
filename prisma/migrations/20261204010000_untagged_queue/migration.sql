-- Articles waiting for tagging are a queue of their own instead of `articles.tagged_at IS NULL`.
-- Marking a batch tagged used to UPDATE every article row: a new version of each wide row (title
-- and summary), an entry in each of its indexes (not HOT: tagged_at was indexed) and both
-- transition tables of the statement-level rollup trigger, ~28 us an article, the second-largest
-- statement of an import (1.3 s of 10 s of database time at 50,000 articles). Deleting narrow
-- queue rows costs a fraction of that, and the articles are written once.
CREATE TABLE "untagged_articles" (
    "article_id" INTEGER NOT NULL,
    CONSTRAINT "untagged_articles_pkey" PRIMARY KEY ("article_id"),
    CONSTRAINT "untagged_articles_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- No article may be written between the backfill and the trigger (a running instance storing one
-- then would leave it out of the queue, and without tagged_at it would count as tagged forever):
-- writers wait until this migration commits; readers go on.
LOCK TABLE "articles" IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO "untagged_articles" ("article_id") SELECT "id" FROM "articles" WHERE "tagged_at" IS NULL;

-- Every write path queues what it stores (feeds, imports, manual articles, tests' own inserts),
-- as the rollups are kept: by a statement-level trigger, once per statement.
CREATE FUNCTION articles_queue_for_tagging() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO untagged_articles (article_id) SELECT id FROM new_rows;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "articles_queue_for_tagging" AFTER INSERT ON "articles"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_queue_for_tagging();

DROP INDEX "articles_tagged_at_idx";
ALTER TABLE "articles" DROP COLUMN "tagged_at";
