-- Requests for a client whose saga is still running wait here, in the order they arrived, until it has ended.
CREATE TABLE queued_request (
    seq          bigserial PRIMARY KEY,
    event_id     varchar(200) NOT NULL UNIQUE,
    client_id    varchar(200) NOT NULL,
    request_type varchar(40) NOT NULL,
    request      jsonb NOT NULL,
    traceparent  varchar(200),
    queued_at    timestamptz NOT NULL
);
CREATE INDEX queued_request_client ON queued_request (client_id, seq);
