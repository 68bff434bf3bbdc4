-- Where a queued request was read (its partition and offset in client-onboarding-requests), so that one refused when
-- its turn comes is dead-lettered naming the record it came in, like a request refused on arrival. Null for a row
-- queued before this column existed.
ALTER TABLE queued_request ADD COLUMN origin_partition integer, ADD COLUMN origin_offset bigint;
