-- Agent deployments confirmed by NinjaOne's devices (package devices).

-- Organizations with open agent-deployment tasks and when their devices are read next: the wait
-- doubles while nothing changes (interval_ms), and claiming pushes next_poll_at a lease ahead.
CREATE TABLE device_poll (
    organization_id bigint PRIMARY KEY,
    next_poll_at    timestamptz NOT NULL,
    interval_ms     bigint NOT NULL,
    last_polled_at  timestamptz,
    last_error      text
);
CREATE INDEX device_poll_due ON device_poll (next_poll_at);

-- Devices waiting for approval at a location with an open task, as last read from NinjaOne.
CREATE TABLE pending_device (
    device_id       bigint PRIMARY KEY,
    organization_id bigint NOT NULL,
    location_id     bigint NOT NULL,
    node_class      varchar(60),
    display_name    varchar(300),
    first_seen_at   timestamptz NOT NULL
);
CREATE INDEX pending_device_org ON pending_device (organization_id);

-- Operators' actions on NinjaOne: who did what to what, and when.
CREATE TABLE operator_action (
    id        uuid PRIMARY KEY,
    at        timestamptz NOT NULL,
    operator  varchar(200) NOT NULL,
    action    varchar(60) NOT NULL,
    subject   varchar(200) NOT NULL,
    detail    text
);
CREATE INDEX operator_action_at ON operator_action (at);

-- The device that confirmed a task (one device confirms one task at most).
ALTER TABLE agent_deployment_task
    ADD COLUMN confirmed_device_id bigint,
    ADD COLUMN confirmed_at timestamptz;
CREATE INDEX agent_deployment_task_pending ON agent_deployment_task (status, organization_id)
    WHERE status = 'PENDING';
