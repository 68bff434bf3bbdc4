-- The W3C trace context of the Kafka record that started the saga, so every NinjaOne call of every step (on
-- whichever instance, however much later) continues the publisher's trace.
ALTER TABLE saga ADD COLUMN traceparent varchar(100);
