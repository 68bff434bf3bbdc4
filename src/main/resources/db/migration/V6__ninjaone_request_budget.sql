-- The NinjaOne request budget of a tenant, shared by every instance: one row per tenant (its base URL). An
-- instance reserves a batch of request slots in one UPDATE; slots are spaced at 1 / rate on the database's clock,
-- so all instances together never send faster than the rate. The rate itself is lowered on a 429 and raised again
-- step by step (AIMD); storing it here makes every instance follow one cut. Times are microseconds since the
-- epoch on the database's clock, the one clock all instances share.
-- UNLOGGED: the row is pacing state, not a record. Without WAL a reservation's commit waits for no disk flush (a
-- cheaper round trip, and a batch's slots are mapped to the instance's clock more exactly); after a crash or a
-- fail-over the table is empty and the next reservation starts the row again at the configured budget.
CREATE UNLOGGED TABLE ninjaone_request_budget (
    tenant        varchar(500) PRIMARY KEY,
    next_slot_us  bigint NOT NULL,
    rate          double precision NOT NULL,
    cut_at_us     bigint NOT NULL,
    raised_at_us  bigint NOT NULL
);
