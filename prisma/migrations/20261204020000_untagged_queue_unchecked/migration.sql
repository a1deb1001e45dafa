-- The queue's foreign key checked every queued article against articles, one lookup and row lock
-- per article stored: the queue trigger took 2.4-4.9 ms per 250 articles with it and 0.8-1.3 ms
-- without (EXPLAIN ANALYZE of the store statement at 190,000 articles), ~11 us an article, some 8%
-- of an import's database CPU. The only writer is the insert trigger on articles, whose rows exist
-- by definition; what the key did besides, taking a deleted article off the queue, a
-- statement-level trigger on articles does now.
ALTER TABLE "untagged_articles" DROP CONSTRAINT "untagged_articles_article_id_fkey";

CREATE FUNCTION articles_unqueue_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM untagged_articles u USING old_rows o WHERE u.article_id = o.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "articles_unqueue_deleted" AFTER DELETE ON "articles"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_unqueue_deleted();
