-- certtrack's schema. It keeps the table and column names of the original
-- Flask-SQLAlchemy app, so the same database serves both, and lets the database
-- itself enforce the rules, so that no writer (psql, another app) can break them:
--
--   names and titles   non-blank: not empty, and not only spaces, tabs or line breaks
--   engineers.age      16 to 100 inclusive (a working engineer)
--   expiration_year    2000 to 2100 inclusive
--   engineer_id        required; deleting an engineer deletes their certificates
--   instructor_id      optional; deleting an instructor keeps the certificates, unlinked
--
-- Ids come from one sequence per table. It advances by 50 so that Hibernate can
-- hand out 50 ids per database round trip (and batch its inserts); a row
-- inserted without an id takes the next value through the column default.
-- This script runs unchanged on PostgreSQL and H2.

CREATE SEQUENCE instructors_id_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE engineers_id_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE certificates_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE instructors (
    id         BIGINT                   DEFAULT nextval('instructors_id_seq') NOT NULL,
    name       VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_instructors PRIMARY KEY (id),
    CONSTRAINT ck_instructors_name_not_blank
        CHECK (TRIM(TRANSLATE(name, CHR(9) || CHR(10) || CHR(13), '   ')) <> '')
);

CREATE TABLE engineers (
    id        BIGINT       DEFAULT nextval('engineers_id_seq') NOT NULL,
    name      VARCHAR(100) NOT NULL,
    specialty VARCHAR(50)  NOT NULL,
    age       INTEGER      NOT NULL,
    CONSTRAINT pk_engineers PRIMARY KEY (id),
    CONSTRAINT ck_engineers_name_not_blank
        CHECK (TRIM(TRANSLATE(name, CHR(9) || CHR(10) || CHR(13), '   ')) <> ''),
    CONSTRAINT ck_engineers_specialty_not_blank
        CHECK (TRIM(TRANSLATE(specialty, CHR(9) || CHR(10) || CHR(13), '   ')) <> ''),
    CONSTRAINT ck_engineers_age_plausible CHECK (age BETWEEN 16 AND 100)
);

CREATE TABLE certificates (
    id              BIGINT       DEFAULT nextval('certificates_id_seq') NOT NULL,
    title           VARCHAR(100) NOT NULL,
    expiration_year INTEGER      NOT NULL,
    engineer_id     BIGINT       NOT NULL,
    instructor_id   BIGINT,
    CONSTRAINT pk_certificates PRIMARY KEY (id),
    CONSTRAINT ck_certificates_title_not_blank
        CHECK (TRIM(TRANSLATE(title, CHR(9) || CHR(10) || CHR(13), '   ')) <> ''),
    CONSTRAINT ck_certificates_expiration_year_plausible CHECK (expiration_year BETWEEN 2000 AND 2100),
    CONSTRAINT fk_certificates_engineer_id_engineers
        FOREIGN KEY (engineer_id) REFERENCES engineers (id) ON DELETE CASCADE,
    CONSTRAINT fk_certificates_instructor_id_instructors
        FOREIGN KEY (instructor_id) REFERENCES instructors (id) ON DELETE SET NULL
);

CREATE INDEX ix_certificates_engineer_id ON certificates (engineer_id);
CREATE INDEX ix_certificates_instructor_id ON certificates (instructor_id);
CREATE INDEX ix_certificates_expiration_year ON certificates (expiration_year);
CREATE INDEX ix_engineers_specialty ON engineers (specialty);
