-- The delivery loop claims a channel's oldest due alerts, 64 at a time, from the immediate
-- queue and then from the digest queue. The old index left every claim to sort all due rows
-- (alerts of one poll share their timestamps): 20 to 50 ms per claim with 10,000 queued,
-- most of a mail-everything cycle's database time. This one hands them over in claim order.
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (channel, state, digest, next_attempt_at, created_at, id);
