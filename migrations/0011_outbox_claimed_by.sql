-- Who holds an entry's lease: the claiming process's identity (boot id, pid and start time),
-- so a restarted daemon can tell a claim of a process that is gone and release it at once
-- instead of waiting for the lease to run out. Empty for claims of earlier versions.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
-- Start-up reads the owners of running leases; without this it would scan every finished entry.
CREATE INDEX outbox_claims ON outbox (lease_until) WHERE state = 'pending' AND claimed_by != '';
