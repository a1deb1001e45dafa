-- Channel links were stored as given, so a feed could plant javascript: or data: as its site URL
-- (exported as OPML htmlUrl). Ingestion now keeps http(s) only; clear what was stored before.
UPDATE "feeds" SET "site_url" = NULL WHERE "site_url" IS NOT NULL AND "site_url" !~* '^https?://';
