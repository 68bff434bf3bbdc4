-- Retries of a step (and of its compensation) are bounded by elapsed time as well as by count: the clock starts at
-- the first counted transient failure. Failures while NinjaOne is down for everyone (the circuit is open) neither
-- count nor start it.
ALTER TABLE saga_step ADD COLUMN first_failure_at timestamptz;
ALTER TABLE saga_step ADD COLUMN compensation_first_failure_at timestamptz;
