-- What drop_certtrack_schema.sql cannot drop in SQL that H2 accepts too: the trigger functions of the
-- PostgreSQL-only V4 (its triggers went with their tables). One statement per line.
DROP FUNCTION IF EXISTS certtrack_advance_version();
DROP FUNCTION IF EXISTS certtrack_instructor_timestamps();
