-- Rollup rows are counters: every evidence or article write updates one in place. With free
-- space left on each page PostgreSQL can make those HOT updates (no new index entry), and a
-- vacuum triggered early keeps the dead versions from piling up between autovacuum runs;
-- without this, 20,000 evidence inserts left 15,000 index entries for 2,000 weekly rows.
ALTER TABLE trend_daily_rollups SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 500);
ALTER TABLE trend_weekly_rollups SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 500);
ALTER TABLE article_daily_rollups SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 500);
