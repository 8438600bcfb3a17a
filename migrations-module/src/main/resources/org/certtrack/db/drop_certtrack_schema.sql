-- Drops every object certtrack's migrations create, and nothing else, so that
-- Migrations.rebuildTo(version) can rebuild certtrack's schema inside a database
-- shared with a host application (Flyway's clean would drop the host's tables too).
-- Development only: it deletes certtrack's data. A migration that creates an
-- object adds its DROP here, dependants first. One statement per line.
DROP TABLE IF EXISTS certificates;
DROP TABLE IF EXISTS engineers;
DROP TABLE IF EXISTS instructors;
DROP SEQUENCE IF EXISTS certificates_id_seq;
DROP SEQUENCE IF EXISTS engineers_id_seq;
DROP SEQUENCE IF EXISTS instructors_id_seq;
-- Flyway creates its history table with a quoted, lower-case name on every database.
DROP TABLE IF EXISTS "certtrack_schema_history";
