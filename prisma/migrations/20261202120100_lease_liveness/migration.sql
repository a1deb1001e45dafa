-- Leases carry their holder's liveness key: each instance holds a session advisory lock
-- (classid 23566 = 0x5c0e, objid = key) on a connection of its own. PostgreSQL drops it when the
-- holder's connection closes, also after SIGKILL, so a lease whose lock is gone is free at once
-- rather than after its TTL (60 s for a job, 120 s for a feed).
ALTER TABLE "feeds" ADD COLUMN "lease_key" INTEGER;
ALTER TABLE "job_leases" ADD COLUMN "owner_key" INTEGER;

CREATE FUNCTION lease_holder_gone(holder_key integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT holder_key IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM pg_locks
    WHERE locktype = 'advisory' AND granted AND classid = 23566 AND objsubid = 2
      AND objid = holder_key::oid
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
$$;
