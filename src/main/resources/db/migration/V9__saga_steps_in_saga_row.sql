-- One row per saga holding its steps: a recorded outcome updates one row instead of the saga and its step rows.
-- Each element is one step's state, in the order of the saga type's declared step list.
ALTER TABLE saga ADD COLUMN steps jsonb;
ALTER TABLE saga ADD COLUMN saga_type varchar(40) NOT NULL DEFAULT 'ClientOnboardingRequested';
UPDATE saga s SET steps = (
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'name', st.name,
               'status', st.status,
               'attempts', st.attempts,
               'compensationAttempts', st.compensation_attempts,
               'lastError', st.last_error,
               'compensationError', st.compensation_error,
               'nextAttemptAt', st.next_attempt_at,
               'startedAt', st.started_at,
               'finishedAt', st.finished_at,
               'compensatedAt', st.compensated_at,
               'firstFailureAt', st.first_failure_at,
               'compensationFirstFailureAt', st.compensation_first_failure_at) ORDER BY st.position), '[]'::jsonb)
      FROM saga_step st WHERE st.saga_id = s.id);
ALTER TABLE saga ALTER COLUMN steps SET NOT NULL;
DROP TABLE saga_step;
-- Room on each page for the next version of a row: a step's update that changes no indexed column is then done
-- in place (a HOT update), without new entries in the saga's seven indexes.
ALTER TABLE saga SET (fillfactor = 70);
-- A saga row (request, data and steps as JSON) is 2-4 kB: kept whole in its page, it is not compressed again at
-- every step's update.
ALTER TABLE saga SET (toast_tuple_target = 8160);
