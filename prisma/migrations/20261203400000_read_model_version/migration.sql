-- A version number of everything the public read API answers from (predictions, rule sets,
-- articles and their feed items, evidence, resolutions, the rollups). Every statement that writes
-- one of these tables takes the next value, so the app can keep an answer for as long as the
-- version has not moved (src/read-cache). A sequence, not a counter row: nextval never waits for
-- another transaction, so writers (ingestion, reviews) do not queue on it.
CREATE SEQUENCE "read_model_version";

CREATE FUNCTION bump_read_model_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('read_model_version');
  RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['trends', 'rule_sets', 'articles', 'feed_items', 'evidence', 'trend_resolutions',
                           'trend_daily_rollups', 'trend_weekly_cells', 'article_daily_rollups'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_read_model_version()', t || '_read_version', t);
  END LOOP;
END;
$$;
