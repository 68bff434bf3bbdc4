-- Bulk tag updates: one row per job, claimed by the tag-job worker like sagas are (SKIP LOCKED + lease), with the
-- retry schedule in the database so a restart neither loses nor hurries a job.
CREATE TABLE tag_job (
    id              uuid PRIMARY KEY,
    seq             bigserial NOT NULL UNIQUE,
    status          varchar(30) NOT NULL,
    filter          jsonb NOT NULL,
    add_tags        jsonb NOT NULL,
    remove_tags     jsonb NOT NULL,
    requested_by    varchar(200),
    attempts        integer NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz NOT NULL,
    lease_owner     varchar(100),
    lease_until     timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    version         bigint NOT NULL DEFAULT 0
);
-- The worker's claim query: due, unfinished jobs in order.
CREATE INDEX tag_job_due ON tag_job (next_attempt_at) WHERE status IN ('SELECTING', 'RUNNING');

-- One row per organization the job's filter chose, with its own attempts and the tags before and after.
CREATE TABLE tag_job_target (
    id                uuid PRIMARY KEY,
    job_id            uuid NOT NULL REFERENCES tag_job (id),
    organization_id   bigint NOT NULL,
    organization_name text,
    status            varchar(20) NOT NULL,
    attempts          integer NOT NULL DEFAULT 0,
    last_error        text,
    next_attempt_at   timestamptz NOT NULL,
    tags_before       jsonb,
    tags_after        jsonb,
    changed           boolean NOT NULL DEFAULT false,
    verified_at       timestamptz,
    updated_at        timestamptz NOT NULL,
    UNIQUE (job_id, organization_id)
);
CREATE INDEX tag_job_target_due ON tag_job_target (job_id, next_attempt_at) WHERE status IN ('PENDING', 'WAITING_RETRY');
