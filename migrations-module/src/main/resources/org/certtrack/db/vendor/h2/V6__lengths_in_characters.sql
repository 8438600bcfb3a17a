-- Lengths in characters (Unicode code points), as certtrack's Java checks count them and as PostgreSQL
-- counts them: 100 emoji fit a 100-character name. H2 counts UTF-16 units (an emoji is two), so each
-- column is widened to twice its length and a CHECK counts the code points (in H2, REGEXP_REPLACE is
-- Java's, whose '.' matches one code point, a surrogate pair included). PostgreSQL's V6 adds the same
-- constraints by the same names, with its own CHAR_LENGTH.

ALTER TABLE instructors ALTER COLUMN name SET DATA TYPE VARCHAR(200);
ALTER TABLE instructors ADD CONSTRAINT ck_instructors_name_length CHECK (CHAR_LENGTH(REGEXP_REPLACE(name, '(?s).', 'x')) <= 100);
ALTER TABLE engineers ALTER COLUMN name SET DATA TYPE VARCHAR(200);
ALTER TABLE engineers ADD CONSTRAINT ck_engineers_name_length CHECK (CHAR_LENGTH(REGEXP_REPLACE(name, '(?s).', 'x')) <= 100);
ALTER TABLE engineers ALTER COLUMN specialty SET DATA TYPE VARCHAR(100);
ALTER TABLE engineers ADD CONSTRAINT ck_engineers_specialty_length CHECK (CHAR_LENGTH(REGEXP_REPLACE(specialty, '(?s).', 'x')) <= 50);
ALTER TABLE certificates ALTER COLUMN title SET DATA TYPE VARCHAR(200);
ALTER TABLE certificates ADD CONSTRAINT ck_certificates_title_length CHECK (CHAR_LENGTH(REGEXP_REPLACE(title, '(?s).', 'x')) <= 100);
