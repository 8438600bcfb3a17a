-- Optimistic locking: every row carries a version that certtrack (Hibernate's
-- @Version) checks and increments on each update, so two writers that read the
-- same row cannot silently overwrite each other: the second one's update finds
-- a newer version and fails. Existing rows, and rows other writers insert
-- without naming the column, start at 0, so writers that do not know about
-- the column keep working. This script runs unchanged on PostgreSQL and H2.

ALTER TABLE engineers ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE certificates ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE instructors ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
