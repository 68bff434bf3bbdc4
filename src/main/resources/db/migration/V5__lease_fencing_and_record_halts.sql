-- Fencing: every claim takes the next epoch of the saga's lease. Recording an outcome, renewing and releasing
-- the lease all name the epoch they hold, so a worker whose claim was superseded changes nothing.
ALTER TABLE saga ADD COLUMN lease_epoch bigint NOT NULL DEFAULT 0;

-- An outcome that cannot be recorded for a reason retrying will not cure (a constraint, a mapping error) is
-- counted; after a few in a row the saga is halted: no claim takes it until an operator retries it.
ALTER TABLE saga ADD COLUMN record_failures integer NOT NULL DEFAULT 0;
ALTER TABLE saga ADD COLUMN halted_reason text;

-- Why the rollback runs (failure_code/failure_reason of the forward run), kept while the rollback itself has
-- FAILED, so that a rollback an operator resumes ends with it; the FAILED record moves to earlier_failure.
ALTER TABLE saga ADD COLUMN rollback_code varchar(40);
ALTER TABLE saga ADD COLUMN rollback_reason text;
ALTER TABLE saga ADD COLUMN earlier_failure text;

UPDATE saga SET rollback_code = failure_code, rollback_reason = failure_reason
 WHERE status IN ('COMPENSATING', 'COMPENSATED');
-- A FAILED saga's reason starts with the forward failure: "CONFLICT: <reason>. Rollback of ... failed: ...".
UPDATE saga SET rollback_code = substring(failure_reason from '^([A-Z_]+): '),
                rollback_reason = substring(failure_reason from '^[A-Z_]+: (.*)\. Rollback of ')
 WHERE status = 'FAILED' AND failure_code = 'COMPENSATION_FAILED'
   AND substring(failure_reason from '^([A-Z_]+): ')
       IN ('NAME_CONFLICT', 'CONFLICT', 'REJECTED', 'RETRIES_EXHAUSTED', 'OPERATOR_REQUESTED');
