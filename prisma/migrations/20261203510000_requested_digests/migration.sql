-- A digest built on request for a past period (build-digest --period ...), outside the scheduled
-- sequence: the next scheduled digest starts where the last scheduled one ended, never where a
-- requested one did, or a digest asked for July 2024 would make the next one cover two years.
ALTER TABLE "digests" ADD COLUMN "requested" BOOLEAN NOT NULL DEFAULT false;
