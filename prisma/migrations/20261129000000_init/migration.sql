-- Initial schema: predictions, feeds, articles, evidence, review, jobs, rollups, digests.

CREATE TABLE "trends" (
    "id" SERIAL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "summary_zh" TEXT NOT NULL,
    "summary_en" TEXT NOT NULL,
    "horizon" TEXT,
    "seed_version" INTEGER NOT NULL DEFAULT 1,
    "current_rule_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "trends_number_key" ON "trends"("number");
CREATE UNIQUE INDEX "trends_slug_key" ON "trends"("slug");

CREATE TABLE "rule_sets" (
    "id" SERIAL PRIMARY KEY,
    "trend_id" INTEGER NOT NULL REFERENCES "trends"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'seed',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "rule_sets_trend_id_version_key" ON "rule_sets"("trend_id", "version");

CREATE TABLE "feeds" (
    "id" SERIAL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "site_url" TEXT,
    "language" TEXT,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "last_modified" TEXT,
    "last_fetched_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_unconditional_at" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "last_error" TEXT,
    "last_error_code" TEXT,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "consecutive_errors" INTEGER NOT NULL DEFAULT 0,
    "items_seen" INTEGER NOT NULL DEFAULT 0,
    "interval_seconds" INTEGER NOT NULL DEFAULT 3600,
    "next_check_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "feeds_url_key" ON "feeds"("url");
CREATE INDEX "feeds_next_check_at_idx" ON "feeds"("next_check_at");

CREATE TABLE "feed_fetch_log" (
    "id" SERIAL PRIMARY KEY,
    "feed_id" INTEGER NOT NULL REFERENCES "feeds"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" INTEGER
);
CREATE INDEX "feed_fetch_log_at_idx" ON "feed_fetch_log"("at");
CREATE INDEX "feed_fetch_log_feed_id_at_idx" ON "feed_fetch_log"("feed_id", "at");

CREATE TABLE "articles" (
    "id" SERIAL PRIMARY KEY,
    "url" TEXT,
    "normalized_url" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "author" TEXT,
    "language" TEXT,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tagged_at" TIMESTAMPTZ(3)
);
CREATE UNIQUE INDEX "articles_normalized_url_key" ON "articles"("normalized_url");
CREATE INDEX "articles_published_at_idx" ON "articles"("published_at");
CREATE INDEX "articles_tagged_at_idx" ON "articles"("tagged_at");

CREATE TABLE "feed_items" (
    "feed_id" INTEGER NOT NULL REFERENCES "feeds"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "guid_hash" TEXT NOT NULL,
    "article_id" INTEGER NOT NULL REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("feed_id", "guid_hash")
);
CREATE INDEX "feed_items_article_id_idx" ON "feed_items"("article_id");

CREATE TABLE "evidence" (
    "id" SERIAL PRIMARY KEY,
    "article_id" INTEGER NOT NULL REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "trend_id" INTEGER NOT NULL REFERENCES "trends"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "stance" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "matched" JSONB NOT NULL DEFAULT '{}',
    "rule_version" INTEGER,
    "origin" TEXT NOT NULL DEFAULT 'rule',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "review_note" TEXT,
    "reviewed_by" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL
);
CREATE UNIQUE INDEX "evidence_article_id_trend_id_key" ON "evidence"("article_id", "trend_id");
CREATE INDEX "evidence_status_trend_id_score_idx" ON "evidence"("status", "trend_id", "score");
CREATE INDEX "evidence_trend_id_published_at_idx" ON "evidence"("trend_id", "published_at");

CREATE TABLE "review_audit" (
    "id" SERIAL PRIMARY KEY,
    "evidence_id" INTEGER NOT NULL REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "review_audit_created_at_idx" ON "review_audit"("created_at");

CREATE TABLE "api_tokens" (
    "id" SERIAL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3)
);
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

CREATE TABLE "job_runs" (
    "id" SERIAL PRIMARY KEY,
    "job" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "instance" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "summary" JSONB,
    "error" TEXT
);
CREATE INDEX "job_runs_job_started_at_idx" ON "job_runs"("job", "started_at");

CREATE TABLE "job_leases" (
    "job" TEXT PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "lease_until" TIMESTAMPTZ(3) NOT NULL
);

CREATE TABLE "trend_daily_rollups" (
    "trend_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    PRIMARY KEY ("trend_id", "day", "status", "stance")
);

CREATE TABLE "article_daily_rollups" (
    "day" DATE PRIMARY KEY,
    "count" INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE "digests" (
    "id" SERIAL PRIMARY KEY,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "digests_period_start_key" ON "digests"("period_start");

CREATE TABLE "webhooks" (
    "id" SERIAL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "webhooks_url_key" ON "webhooks"("url");

CREATE TABLE "deliveries" (
    "id" SERIAL PRIMARY KEY,
    "digest_id" INTEGER NOT NULL REFERENCES "digests"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "channel" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "deliveries_digest_id_channel_target_key" ON "deliveries"("digest_id", "channel", "target");

-- Rollups are kept by triggers so every write path (ingest, tagging, review, manual evidence,
-- deletes) updates them in the same transaction; increments commute, so concurrent writers
-- stay exact. The rebuild-rollups job recomputes them from scratch. Days are UTC.
CREATE FUNCTION trend_rollup_add(t INTEGER, d DATE, st TEXT, sn TEXT, n INTEGER, s DOUBLE PRECISION)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO trend_daily_rollups (trend_id, day, status, stance, count, score_sum)
  VALUES (t, d, st, sn, n, s)
  ON CONFLICT (trend_id, day, status, stance)
  DO UPDATE SET count = trend_daily_rollups.count + n, score_sum = trend_daily_rollups.score_sum + s;
$$;

CREATE FUNCTION evidence_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM trend_rollup_add(OLD.trend_id, (OLD.published_at AT TIME ZONE 'UTC')::date,
                             OLD.status, OLD.stance, -1, -OLD.score);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM trend_rollup_add(NEW.trend_id, (NEW.published_at AT TIME ZONE 'UTC')::date,
                             NEW.status, NEW.stance, 1, NEW.score);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER evidence_rollup AFTER INSERT OR DELETE OR UPDATE OF trend_id, published_at, status, stance, score
ON evidence FOR EACH ROW EXECUTE FUNCTION evidence_rollup_trigger();

CREATE FUNCTION article_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE article_daily_rollups SET count = count - 1
    WHERE day = (OLD.published_at AT TIME ZONE 'UTC')::date;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO article_daily_rollups (day, count) VALUES ((NEW.published_at AT TIME ZONE 'UTC')::date, 1)
    ON CONFLICT (day) DO UPDATE SET count = article_daily_rollups.count + 1;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER article_rollup AFTER INSERT OR DELETE OR UPDATE OF published_at
ON articles FOR EACH ROW EXECUTE FUNCTION article_rollup_trigger();
