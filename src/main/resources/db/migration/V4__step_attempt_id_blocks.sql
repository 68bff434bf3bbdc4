-- The service takes step_attempt ids 50 at a time (Hibernate's pooled sequence), so that recording a step's
-- attempt needs no round trip of its own. Rows inserted by other means still get unique ids from the sequence.
ALTER SEQUENCE step_attempt_id_seq INCREMENT BY 50;
