-- Status events are appended, then taken oldest first by seq and deleted: nothing looks one up by its id. The unique
-- index on that random id cost every insert a btree entry in a random page and bought nothing (the id is drawn
-- from 122 random bits here; consumers drop a repeat by it).
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_id_key;
-- The payload is written once and read back whole by the relay: json keeps the text as written (still checked to
-- be JSON), where jsonb parsed it into its binary form on the way in and printed it again on the way out.
ALTER TABLE outbox_event ALTER COLUMN payload TYPE json USING payload::json;
