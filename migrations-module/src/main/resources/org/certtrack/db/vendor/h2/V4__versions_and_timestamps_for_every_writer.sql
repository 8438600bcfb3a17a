-- The same rules as PostgreSQL's V4, for H2: a version the writer did not advance is advanced by one,
-- a NULL version becomes 0; an instructor's created_at never changes (a NULL one becomes the clock), and
-- updated_at is the clock on every update, never less than its previous value or created_at. H2 has
-- no procedural SQL, so the rules are a Java trigger in certtrack-core (org.certtrack.internal.H2RowRules),
-- which must be on the classpath of whatever migrates or writes an H2 database: H2 is embedded, so only
-- a JVM with certtrack in it ever does. (H2's CURRENT_TIMESTAMP is the transaction's start, as
-- PostgreSQL's now() is; the trigger reads the clock when it runs.)
-- H2 checks NOT NULL before a trigger runs: an explicit NULL takes the column default first.
ALTER TABLE instructors ALTER COLUMN created_at SET DEFAULT ON NULL;
ALTER TABLE instructors ALTER COLUMN updated_at SET DEFAULT ON NULL;
ALTER TABLE instructors ALTER COLUMN version SET DEFAULT ON NULL;
ALTER TABLE engineers ALTER COLUMN version SET DEFAULT ON NULL;
ALTER TABLE certificates ALTER COLUMN version SET DEFAULT ON NULL;

CREATE TRIGGER tg_engineers_version BEFORE INSERT, UPDATE ON engineers
    FOR EACH ROW CALL 'org.certtrack.internal.H2RowRules';
CREATE TRIGGER tg_certificates_version BEFORE INSERT, UPDATE ON certificates
    FOR EACH ROW CALL 'org.certtrack.internal.H2RowRules';
CREATE TRIGGER tg_instructors_version BEFORE INSERT, UPDATE ON instructors
    FOR EACH ROW CALL 'org.certtrack.internal.H2RowRules';
