-- Rollups kept per statement instead of per row. The row triggers upserted a weekly and a daily
-- rollup row for every evidence row (and a daily row for every article), so tagging 1,000
-- articles meant thousands of row updates on a few hot rows. Statement triggers see the whole
-- statement's rows (transition tables), sum them per rollup key, and upsert each key once, in
-- key order: weeks first, then days, so concurrent writers lock rollup rows in one global order.

DROP TRIGGER evidence_rollup ON evidence;
DROP TRIGGER article_rollup ON articles;
DROP FUNCTION evidence_rollup_trigger();
DROP FUNCTION article_rollup_trigger();
DROP FUNCTION trend_rollup_add(INTEGER, DATE, TEXT, TEXT, INTEGER, DOUBLE PRECISION);

-- Adds signed counts and score sums per (trend, UTC day, status, stance) to both rollup tables.
CREATE FUNCTION trend_rollups_apply(t INTEGER[], d DATE[], st TEXT[], sn TEXT[], n INTEGER[], s DOUBLE PRECISION[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO trend_weekly_rollups (trend_id, week, status, stance, count, score_sum)
  SELECT x.t, date_trunc('week', x.d::timestamp)::date, x.st, x.sn, sum(x.n), sum(x.s)
  FROM unnest(t, d, st, sn, n, s) AS x(t, d, st, sn, n, s)
  GROUP BY 1, 2, 3, 4 HAVING sum(x.n) <> 0 OR sum(x.s) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (trend_id, week, status, stance) DO UPDATE SET
    count = trend_weekly_rollups.count + EXCLUDED.count,
    score_sum = trend_weekly_rollups.score_sum + EXCLUDED.score_sum;
  INSERT INTO trend_daily_rollups (trend_id, day, status, stance, count, score_sum)
  SELECT x.t, x.d, x.st, x.sn, sum(x.n), sum(x.s)
  FROM unnest(t, d, st, sn, n, s) AS x(t, d, st, sn, n, s)
  GROUP BY 1, 2, 3, 4 HAVING sum(x.n) <> 0 OR sum(x.s) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (trend_id, day, status, stance) DO UPDATE SET
    count = trend_daily_rollups.count + EXCLUDED.count,
    score_sum = trend_daily_rollups.score_sum + EXCLUDED.score_sum;
$$;

CREATE FUNCTION evidence_rollups_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM trend_rollups_apply(array_agg(trend_id), array_agg((published_at AT TIME ZONE 'UTC')::date),
                              array_agg(status), array_agg(stance), array_agg(1), array_agg(score))
  FROM new_rows;
  RETURN NULL;
END;
$$;

CREATE FUNCTION evidence_rollups_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM trend_rollups_apply(array_agg(trend_id), array_agg((published_at AT TIME ZONE 'UTC')::date),
                              array_agg(status), array_agg(stance), array_agg(-1), array_agg(-score))
  FROM old_rows;
  RETURN NULL;
END;
$$;

-- Only rows whose counted columns changed move between rollup keys; a note or updated_at change
-- adds nothing.
CREATE FUNCTION evidence_rollups_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$;

CREATE TRIGGER evidence_rollups_insert AFTER INSERT ON evidence
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_rollups_after_insert();
CREATE TRIGGER evidence_rollups_update AFTER UPDATE ON evidence
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_rollups_after_update();
CREATE TRIGGER evidence_rollups_delete AFTER DELETE ON evidence
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_rollups_after_delete();

CREATE FUNCTION article_rollups_apply(d DATE[], n INTEGER[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO article_daily_rollups (day, count)
  SELECT x.d, sum(x.n) FROM unnest(d, n) AS x(d, n)
  GROUP BY 1 HAVING sum(x.n) <> 0
  ORDER BY 1
  ON CONFLICT (day) DO UPDATE SET count = article_daily_rollups.count + EXCLUDED.count;
$$;

CREATE FUNCTION article_rollups_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM article_rollups_apply(array_agg((published_at AT TIME ZONE 'UTC')::date), array_agg(1)) FROM new_rows;
  RETURN NULL;
END;
$$;

CREATE FUNCTION article_rollups_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM article_rollups_apply(array_agg((published_at AT TIME ZONE 'UTC')::date), array_agg(-1)) FROM old_rows;
  RETURN NULL;
END;
$$;

CREATE FUNCTION article_rollups_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
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
$$;

CREATE TRIGGER article_rollups_insert AFTER INSERT ON articles
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_rollups_after_insert();
CREATE TRIGGER article_rollups_update AFTER UPDATE ON articles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION article_rollups_after_update();
CREATE TRIGGER article_rollups_delete AFTER DELETE ON articles
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION article_rollups_after_delete();
