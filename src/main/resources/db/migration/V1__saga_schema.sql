-- One row per accepted onboarding request. status and step state drive the runner; the lease makes a saga
-- belong to at most one worker at a time across instances.
CREATE TABLE saga (
    id                     uuid PRIMARY KEY,
    seq                    bigserial NOT NULL UNIQUE,
    event_id               varchar(200) NOT NULL UNIQUE,
    client_id              varchar(200) NOT NULL,
    organization_name      varchar(200) NOT NULL,
    status                 varchar(20) NOT NULL,
    request                jsonb NOT NULL,
    data                   jsonb NOT NULL,
    organization_id        bigint,
    failure_code           varchar(40),
    failure_reason         text,
    compensation_requested boolean NOT NULL DEFAULT false,
    next_attempt_at        timestamptz NOT NULL,
    lease_owner            varchar(100),
    lease_until            timestamptz,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    finished_at            timestamptz,
    version                bigint NOT NULL DEFAULT 0
);
-- One running saga per client: the database, not a race-prone check, enforces it.
CREATE UNIQUE INDEX saga_one_active_per_client ON saga (client_id) WHERE status IN ('RUNNING', 'COMPENSATING');
-- The runner's claim query: due, unfinished sagas in order.
CREATE INDEX saga_due ON saga (next_attempt_at) WHERE status IN ('RUNNING', 'COMPENSATING');
-- The ops API's filters, newest first.
CREATE INDEX saga_status_seq ON saga (status, seq DESC);
CREATE INDEX saga_client_seq ON saga (client_id, seq DESC);

CREATE TABLE saga_step (
    id                   uuid PRIMARY KEY,
    saga_id              uuid NOT NULL REFERENCES saga (id),
    position             smallint NOT NULL,
    name                 varchar(40) NOT NULL,
    status               varchar(20) NOT NULL,
    attempts             integer NOT NULL DEFAULT 0,
    compensation_attempts integer NOT NULL DEFAULT 0,
    last_error           text,
    compensation_error   text,
    next_attempt_at      timestamptz,
    started_at           timestamptz,
    finished_at          timestamptz,
    compensated_at       timestamptz,
    UNIQUE (saga_id, position)
);

-- History: one row per call of a step or of its compensation.
CREATE TABLE step_attempt (
    id          bigserial PRIMARY KEY,
    saga_id     uuid NOT NULL REFERENCES saga (id),
    step_name   varchar(40) NOT NULL,
    phase       varchar(20) NOT NULL,
    attempt     integer NOT NULL,
    outcome     varchar(20) NOT NULL,
    error       text,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX step_attempt_saga ON step_attempt (saga_id, id);

CREATE TABLE agent_deployment_task (
    id              uuid PRIMARY KEY,
    saga_id         uuid NOT NULL REFERENCES saga (id),
    organization_id bigint NOT NULL,
    location_id     bigint NOT NULL,
    location_name   varchar(200) NOT NULL,
    installer_type  varchar(40) NOT NULL,
    node_role_id    bigint,
    installer_url   text NOT NULL,
    status          varchar(20) NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (saga_id, location_name, installer_type)
);
CREATE INDEX agent_deployment_task_org ON agent_deployment_task (organization_id, status);

-- What an operator must still do by hand after a rollback (NinjaOne cannot delete organizations).
CREATE TABLE cleanup_task (
    id              uuid PRIMARY KEY,
    saga_id         uuid NOT NULL UNIQUE REFERENCES saga (id),
    organization_id bigint NOT NULL,
    description     text NOT NULL,
    status          varchar(20) NOT NULL,
    created_at      timestamptz NOT NULL
);

-- Every eventId ever accepted, so redelivery and replays are no-ops.
CREATE TABLE processed_event (
    event_id    varchar(200) PRIMARY KEY,
    saga_id     uuid NOT NULL,
    received_at timestamptz NOT NULL
);

-- Status events, written in the same transaction as the state change and relayed to Kafka.
CREATE TABLE outbox_event (
    seq         bigserial PRIMARY KEY,
    id          uuid NOT NULL UNIQUE,
    saga_id     uuid NOT NULL,
    client_id   varchar(200) NOT NULL,
    type        varchar(40) NOT NULL,
    payload     jsonb NOT NULL,
    created_at  timestamptz NOT NULL
);
