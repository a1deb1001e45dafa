-- The functions and triggers a fully migrated database has, as PostgreSQL prints them
-- (pg_get_functiondef, pg_get_triggerdef). Migrations define and redefine them over time; this is
-- the current logic in one place. NOT applied by anything: change them with a new migration, then
-- regenerate this file with
--   WRITE_TRIGGERS_SQL=1 npx jest tests/integration/database/triggers-file.spec.ts
-- (tests/integration/database/triggers-file.spec.ts fails while the two differ).

CREATE OR REPLACE FUNCTION public.article_rollups_after_delete()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM article_rollups_apply(array_agg((published_at AT TIME ZONE 'UTC')::date), array_agg(-1)) FROM old_rows;
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.article_rollups_after_insert()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM article_rollups_apply(array_agg((published_at AT TIME ZONE 'UTC')::date), array_agg(1)) FROM new_rows;
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.article_rollups_after_update()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM article_rollups_apply(array_agg(c.d), array_agg(c.n))
  FROM (
    SELECT (o.published_at AT TIME ZONE 'UTC')::date AS d, -1 AS n
    FROM old_rows o JOIN new_rows w ON w.id = o.id WHERE o.published_at IS DISTINCT FROM w.published_at
    UNION ALL
    SELECT (w.published_at AT TIME ZONE 'UTC')::date, 1
    FROM old_rows o JOIN new_rows w ON w.id = o.id WHERE o.published_at IS DISTINCT FROM w.published_at
  ) c;
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.article_rollups_apply(d date[], n integer[])
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO article_daily_rollups (day, count)
  SELECT x.d, sum(x.n) FROM unnest(d, n) AS x(d, n)
  GROUP BY 1 HAVING sum(x.n) <> 0
  ORDER BY 1
  ON CONFLICT (day) DO UPDATE SET count = article_daily_rollups.count + EXCLUDED.count;
$function$;

CREATE OR REPLACE FUNCTION public.articles_queue_for_tagging()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO untagged_articles (article_id) SELECT id FROM new_rows;
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.articles_unqueue_deleted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  DELETE FROM untagged_articles u USING old_rows o WHERE u.article_id = o.id;
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.bump_read_model_version()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM nextval('read_model_version');
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.evidence_rollups_after_delete()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM trend_rollups_apply(array_agg(trend_id), array_agg((published_at AT TIME ZONE 'UTC')::date),
                              array_agg(status), array_agg(stance), array_agg(-1), array_agg(-score))
  FROM old_rows;
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.evidence_rollups_after_insert()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM trend_rollups_apply(array_agg(trend_id), array_agg((published_at AT TIME ZONE 'UTC')::date),
                              array_agg(status), array_agg(stance), array_agg(1), array_agg(score))
  FROM new_rows;
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.evidence_rollups_after_update()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM trend_rollups_apply(array_agg(c.t), array_agg(c.d), array_agg(c.st), array_agg(c.sn), array_agg(c.n), array_agg(c.s))
  FROM (
    SELECT o.trend_id AS t, (o.published_at AT TIME ZONE 'UTC')::date AS d, o.status AS st, o.stance AS sn, -1 AS n, -o.score AS s
    FROM old_rows o JOIN new_rows w ON w.id = o.id
    WHERE (o.trend_id, o.published_at, o.status, o.stance, o.score) IS DISTINCT FROM (w.trend_id, w.published_at, w.status, w.stance, w.score)
    UNION ALL
    SELECT w.trend_id, (w.published_at AT TIME ZONE 'UTC')::date, w.status, w.stance, 1, w.score
    FROM old_rows o JOIN new_rows w ON w.id = o.id
    WHERE (o.trend_id, o.published_at, o.status, o.stance, o.score) IS DISTINCT FROM (w.trend_id, w.published_at, w.status, w.stance, w.score)
  ) c;
  RETURN NULL;
END;
$function$;

CREATE OR REPLACE FUNCTION public.lease_holder_gone(holder_key integer)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$
  SELECT holder_key IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM pg_locks
    WHERE locktype = 'advisory' AND granted AND classid = 23566 AND objsubid = 2
      AND objid = holder_key::oid
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
$function$;

CREATE OR REPLACE FUNCTION public.refill_trend_weekly_cells()
 RETURNS bigint
 LANGUAGE sql
AS $function$
  DELETE FROM trend_weekly_cells;
  WITH inserted AS (
    INSERT INTO trend_weekly_cells (trend_id, week, accepted_supports_count, accepted_supports_score, accepted_contradicts_count, accepted_contradicts_score, pending_supports_count, pending_supports_score, pending_contradicts_count, pending_contradicts_score, rejected_supports_count, rejected_supports_score, rejected_contradicts_count, rejected_contradicts_score)
    SELECT trend_id, date_trunc('week', day::timestamp)::date,
           coalesce(sum(count) FILTER (WHERE status = 'accepted' AND stance = 'supports'), 0),
           coalesce(sum(score_sum) FILTER (WHERE status = 'accepted' AND stance = 'supports'), 0),
           coalesce(sum(count) FILTER (WHERE status = 'accepted' AND stance = 'contradicts'), 0),
           coalesce(sum(score_sum) FILTER (WHERE status = 'accepted' AND stance = 'contradicts'), 0),
           coalesce(sum(count) FILTER (WHERE status = 'pending' AND stance = 'supports'), 0),
           coalesce(sum(score_sum) FILTER (WHERE status = 'pending' AND stance = 'supports'), 0),
           coalesce(sum(count) FILTER (WHERE status = 'pending' AND stance = 'contradicts'), 0),
           coalesce(sum(score_sum) FILTER (WHERE status = 'pending' AND stance = 'contradicts'), 0),
           coalesce(sum(count) FILTER (WHERE status = 'rejected' AND stance = 'supports'), 0),
           coalesce(sum(score_sum) FILTER (WHERE status = 'rejected' AND stance = 'supports'), 0),
           coalesce(sum(count) FILTER (WHERE status = 'rejected' AND stance = 'contradicts'), 0),
           coalesce(sum(score_sum) FILTER (WHERE status = 'rejected' AND stance = 'contradicts'), 0)
    FROM trend_daily_rollups GROUP BY 1, 2
    RETURNING 1)
  SELECT count(*) FROM inserted;
$function$;

CREATE OR REPLACE FUNCTION public.trend_resolutions_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  RAISE EXCEPTION 'trend_resolutions is append-only: record a new resolution instead'
    USING ERRCODE = 'restrict_violation';
END;
$function$;

CREATE OR REPLACE FUNCTION public.trend_rollups_apply(t integer[], d date[], st text[], sn text[], n integer[], s double precision[])
 RETURNS void
 LANGUAGE sql
AS $function$
  INSERT INTO trend_weekly_cells AS w (trend_id, week, accepted_supports_count, accepted_supports_score, accepted_contradicts_count, accepted_contradicts_score, pending_supports_count, pending_supports_score, pending_contradicts_count, pending_contradicts_score, rejected_supports_count, rejected_supports_score, rejected_contradicts_count, rejected_contradicts_score)
  SELECT x.t, date_trunc('week', x.d::timestamp)::date,
         coalesce(sum(x.n) FILTER (WHERE x.st = 'accepted' AND x.sn = 'supports'), 0),
         coalesce(sum(x.s) FILTER (WHERE x.st = 'accepted' AND x.sn = 'supports'), 0),
         coalesce(sum(x.n) FILTER (WHERE x.st = 'accepted' AND x.sn = 'contradicts'), 0),
         coalesce(sum(x.s) FILTER (WHERE x.st = 'accepted' AND x.sn = 'contradicts'), 0),
         coalesce(sum(x.n) FILTER (WHERE x.st = 'pending' AND x.sn = 'supports'), 0),
         coalesce(sum(x.s) FILTER (WHERE x.st = 'pending' AND x.sn = 'supports'), 0),
         coalesce(sum(x.n) FILTER (WHERE x.st = 'pending' AND x.sn = 'contradicts'), 0),
         coalesce(sum(x.s) FILTER (WHERE x.st = 'pending' AND x.sn = 'contradicts'), 0),
         coalesce(sum(x.n) FILTER (WHERE x.st = 'rejected' AND x.sn = 'supports'), 0),
         coalesce(sum(x.s) FILTER (WHERE x.st = 'rejected' AND x.sn = 'supports'), 0),
         coalesce(sum(x.n) FILTER (WHERE x.st = 'rejected' AND x.sn = 'contradicts'), 0),
         coalesce(sum(x.s) FILTER (WHERE x.st = 'rejected' AND x.sn = 'contradicts'), 0)
  FROM unnest(t, d, st, sn, n, s) AS x(t, d, st, sn, n, s)
  GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT (trend_id, week) DO UPDATE SET
    accepted_supports_count = w.accepted_supports_count + EXCLUDED.accepted_supports_count,
    accepted_supports_score = w.accepted_supports_score + EXCLUDED.accepted_supports_score,
    accepted_contradicts_count = w.accepted_contradicts_count + EXCLUDED.accepted_contradicts_count,
    accepted_contradicts_score = w.accepted_contradicts_score + EXCLUDED.accepted_contradicts_score,
    pending_supports_count = w.pending_supports_count + EXCLUDED.pending_supports_count,
    pending_supports_score = w.pending_supports_score + EXCLUDED.pending_supports_score,
    pending_contradicts_count = w.pending_contradicts_count + EXCLUDED.pending_contradicts_count,
    pending_contradicts_score = w.pending_contradicts_score + EXCLUDED.pending_contradicts_score,
    rejected_supports_count = w.rejected_supports_count + EXCLUDED.rejected_supports_count,
    rejected_supports_score = w.rejected_supports_score + EXCLUDED.rejected_supports_score,
    rejected_contradicts_count = w.rejected_contradicts_count + EXCLUDED.rejected_contradicts_count,
    rejected_contradicts_score = w.rejected_contradicts_score + EXCLUDED.rejected_contradicts_score;
  INSERT INTO trend_daily_rollups (trend_id, day, status, stance, count, score_sum)
  SELECT x.t, x.d, x.st, x.sn, sum(x.n), sum(x.s)
  FROM unnest(t, d, st, sn, n, s) AS x(t, d, st, sn, n, s)
  GROUP BY 1, 2, 3, 4 HAVING sum(x.n) <> 0 OR sum(x.s) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (trend_id, day, status, stance) DO UPDATE SET
    count = trend_daily_rollups.count + EXCLUDED.count,
    score_sum = trend_daily_rollups.score_sum + EXCLUDED.score_sum;
$function$;

CREATE TRIGGER article_daily_rollups_read_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.article_daily_rollups FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version();

CREATE TRIGGER article_rollups_delete AFTER DELETE ON public.articles REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION article_rollups_after_delete();

CREATE TRIGGER article_rollups_insert AFTER INSERT ON public.articles REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_rollups_after_insert();

CREATE TRIGGER article_rollups_update AFTER UPDATE ON public.articles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_rollups_after_update();

CREATE TRIGGER articles_queue_for_tagging AFTER INSERT ON public.articles REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_queue_for_tagging();

CREATE TRIGGER articles_read_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.articles FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version();

CREATE TRIGGER articles_unqueue_deleted AFTER DELETE ON public.articles REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_unqueue_deleted();

CREATE TRIGGER evidence_read_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.evidence FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version();

CREATE TRIGGER evidence_rollups_delete AFTER DELETE ON public.evidence REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_rollups_after_delete();

CREATE TRIGGER evidence_rollups_insert AFTER INSERT ON public.evidence REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_rollups_after_insert();

CREATE TRIGGER evidence_rollups_update AFTER UPDATE ON public.evidence REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_rollups_after_update();

CREATE TRIGGER feed_items_read_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.feed_items FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version();

CREATE TRIGGER imports_read_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.imports FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version();

CREATE TRIGGER rule_sets_read_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.rule_sets FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version();

CREATE TRIGGER trend_daily_rollups_read_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.trend_daily_rollups FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version();

CREATE TRIGGER trend_resolutions_no_update BEFORE DELETE OR UPDATE ON public.trend_resolutions FOR EACH ROW EXECUTE FUNCTION trend_resolutions_append_only();

CREATE TRIGGER trend_resolutions_read_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.trend_resolutions FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version();

CREATE TRIGGER trend_weekly_cells_read_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.trend_weekly_cells FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version();

CREATE TRIGGER trends_read_version AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.trends FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version();
