-- Who holds an entry's lease: the claiming process's identity (boot id, pid and start time),
-- so a restarted daemon can tell a claim of a process that is gone and release it at once
-- instead of waiting for the lease to run out. Empty for claims of earlier versions.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
