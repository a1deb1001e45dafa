-- Weekly rollups beside the daily ones. A weekly momentum request (the default, and the
-- scorecard's) read 7 daily rows per week x status x stance x trend: at a million evidence rows
-- every cell is filled and the scorecard's 50 weeks were 21,000 rows to scan and regroup per
-- request (bench/momentum.bench.ts). Per week it is 3,000 rows, already grouped.
--
-- Weeks are ISO weeks (Monday, UTC day arithmetic on DATE, no time zone involved). Weeks nest
-- days, so the trigger locks a week row before its day rows and writers sorted by (trend,
-- publication date) still take rollup row locks in one global order. Months do not nest weeks,
-- which is why there are no monthly rollups kept the same way.
CREATE TABLE "trend_weekly_rollups" (
    "trend_id" INTEGER NOT NULL,
    "week" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    PRIMARY KEY ("trend_id", "week", "status", "stance")
);

CREATE OR REPLACE FUNCTION trend_rollup_add(t INTEGER, d DATE, st TEXT, sn TEXT, n INTEGER, s DOUBLE PRECISION)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO trend_weekly_rollups (trend_id, week, status, stance, count, score_sum)
  VALUES (t, date_trunc('week', d::timestamp)::date, st, sn, n, s)
  ON CONFLICT (trend_id, week, status, stance)
  DO UPDATE SET count = trend_weekly_rollups.count + n, score_sum = trend_weekly_rollups.score_sum + s;
  INSERT INTO trend_daily_rollups (trend_id, day, status, stance, count, score_sum)
  VALUES (t, d, st, sn, n, s)
  ON CONFLICT (trend_id, day, status, stance)
  DO UPDATE SET count = trend_daily_rollups.count + n, score_sum = trend_daily_rollups.score_sum + s;
$$;

INSERT INTO trend_weekly_rollups (trend_id, week, status, stance, count, score_sum)
SELECT trend_id, date_trunc('week', day::timestamp)::date, status, stance, sum(count), sum(score_sum)
FROM trend_daily_rollups GROUP BY 1, 2, 3, 4;
