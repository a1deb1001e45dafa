-- One weekly row per trend and week, with the six status x stance cells as columns, instead of
-- one row per cell. The scorecard reads every trend's weeks on each request: at saturation that
-- was ~3,400 rows and 15 ms of a 17 ms request; as ~560 rows it measured 6 ms. Days keep one row
-- per cell (any status or stance); weeks know the three statuses and two stances the service uses.

CREATE TABLE "trend_weekly_cells" (
    "trend_id" INTEGER NOT NULL,
    "week" DATE NOT NULL,
    "accepted_supports_count" INTEGER NOT NULL DEFAULT 0,
    "accepted_supports_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "accepted_contradicts_count" INTEGER NOT NULL DEFAULT 0,
    "accepted_contradicts_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "pending_supports_count" INTEGER NOT NULL DEFAULT 0,
    "pending_supports_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "pending_contradicts_count" INTEGER NOT NULL DEFAULT 0,
    "pending_contradicts_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "rejected_supports_count" INTEGER NOT NULL DEFAULT 0,
    "rejected_supports_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "rejected_contradicts_count" INTEGER NOT NULL DEFAULT 0,
    "rejected_contradicts_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    PRIMARY KEY ("trend_id", "week")
) WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 500);

-- Refills the weekly cells from the daily rollups (the migration's backfill and rebuild-rollups).
CREATE FUNCTION refill_trend_weekly_cells() RETURNS bigint LANGUAGE sql AS $$
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
$$;

SELECT refill_trend_weekly_cells();

DROP TABLE trend_weekly_rollups;

-- Same contract as before: adds signed counts and score sums per (trend, UTC day, status, stance),
-- weeks first then days, each in key order.
CREATE OR REPLACE FUNCTION trend_rollups_apply(t INTEGER[], d DATE[], st TEXT[], sn TEXT[], n INTEGER[], s DOUBLE PRECISION[])
RETURNS void LANGUAGE sql AS $$
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
$$;
