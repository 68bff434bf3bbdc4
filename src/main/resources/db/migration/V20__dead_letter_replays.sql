-- Replays of dead letters by operators: who replayed which letter, when, corrected or not, and where the replayed
-- request went. The letters themselves stay in the dead-letter topic; this is the record of what was done with them.
CREATE TABLE dead_letter_replay (
    id                uuid PRIMARY KEY,
    -- "partition-offset" in client-onboarding-requests-dlq
    dead_letter_id    varchar(40) NOT NULL,
    -- the letter's own timestamp: tells it from a letter at the same place in a topic created again
    dead_lettered_at  timestamptz NOT NULL,
    client_id         varchar(200),
    reason_code       varchar(60),
    corrected         boolean NOT NULL,
    event_id          varchar(200),
    replayed_by       varchar(200) NOT NULL,
    replayed_at       timestamptz NOT NULL,
    -- where the replayed request landed in client-onboarding-requests (set once Kafka acknowledged it)
    request_partition integer,
    request_offset    bigint
);
CREATE INDEX dead_letter_replay_letter ON dead_letter_replay (dead_letter_id);
