-- The tenant's organizations by name, so that the create step finds every holder of a name without paging
-- the whole tenant (NinjaOne's published API answers no 409 for a taken name). Shared by all instances.
CREATE TABLE organization_name (
    organization_id BIGINT PRIMARY KEY,
    name_key        TEXT   NOT NULL,  -- lower-cased name
    saga_marker     TEXT,             -- userData.onboardingSagaId, when the organization carries one
    seen_in_scan    BIGINT NOT NULL   -- the full scan that last saw it (older rows are gone from NinjaOne)
);
CREATE INDEX organization_name_by_key ON organization_name (name_key);
CREATE INDEX organization_name_by_marker ON organization_name (saga_marker) WHERE saga_marker IS NOT NULL;

-- One row: how far the index has read NinjaOne's listing, and the full scans (renames and deletions).
CREATE TABLE organization_name_scan (
    id                      SMALLINT PRIMARY KEY CHECK (id = 1),
    refreshed_through       BIGINT NOT NULL,  -- the highest organization id read from the listing
    full_scan_number        BIGINT NOT NULL,
    full_scan_completed_at  TIMESTAMPTZ,
    full_scan_claimed_until TIMESTAMPTZ
);
INSERT INTO organization_name_scan (id, refreshed_through, full_scan_number) VALUES (1, 0, 0);
