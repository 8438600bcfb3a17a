-- The database keeps version and the timestamps right for every writer, not only for certtrack, so that
-- another application sharing the tables (the original Flask-SQLAlchemy app, psql) cannot break them:
--
--   on insert   a NULL version becomes 0; instructors: a NULL created_at becomes the server's clock, and
--               updated_at (NULL or not) is at least created_at. SQLAlchemy inserts an explicit NULL
--               updated_at, to which the column default never applies.
--   on update   a version that the writer did not advance is advanced by one, so certtrack's optimistic
--               locking sees another writer's change exactly as it sees its own; instructors: created_at
--               never changes, and updated_at becomes the server's clock, but never less than the row's
--               previous updated_at or its created_at (now() is the transaction's start, which an earlier
--               transaction may still be using after a later one committed; clock_timestamp() is the
--               statement's time, and GREATEST keeps the row's updated_at from going backwards).
--
-- certtrack's own updates advance version themselves (Hibernate's @Version), which the trigger keeps.
-- H2 has its own V4 (a Java trigger doing the same), as only PostgreSQL speaks PL/pgSQL.

CREATE OR REPLACE FUNCTION certtrack_advance_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.version := COALESCE(NEW.version, 0);
    ELSIF NEW.version IS NULL OR NEW.version <= OLD.version THEN
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION certtrack_instructor_timestamps() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.created_at := COALESCE(NEW.created_at, clock_timestamp());
        NEW.updated_at := GREATEST(NEW.updated_at, NEW.created_at);
    ELSE
        NEW.created_at := OLD.created_at;
        NEW.updated_at := GREATEST(clock_timestamp(), OLD.updated_at, OLD.created_at);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER tg_engineers_version BEFORE INSERT OR UPDATE ON engineers
    FOR EACH ROW EXECUTE FUNCTION certtrack_advance_version();
CREATE TRIGGER tg_certificates_version BEFORE INSERT OR UPDATE ON certificates
    FOR EACH ROW EXECUTE FUNCTION certtrack_advance_version();
CREATE TRIGGER tg_instructors_version BEFORE INSERT OR UPDATE ON instructors
    FOR EACH ROW EXECUTE FUNCTION certtrack_advance_version();
CREATE TRIGGER tg_instructors_timestamps BEFORE INSERT OR UPDATE ON instructors
    FOR EACH ROW EXECUTE FUNCTION certtrack_instructor_timestamps();
