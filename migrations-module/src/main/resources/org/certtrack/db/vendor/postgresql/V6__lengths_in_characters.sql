-- Lengths in characters (Unicode code points), as certtrack's Java checks count them. PostgreSQL's
-- VARCHAR(n) already counts characters; these constraints state the same rule by name, as H2's V6
-- does (H2 counts UTF-16 units, so it needs them), so that both databases hold the same named rules
-- and a column widened by hand still keeps them.

ALTER TABLE instructors ADD CONSTRAINT ck_instructors_name_length CHECK (CHAR_LENGTH(name) <= 100);
ALTER TABLE engineers ADD CONSTRAINT ck_engineers_name_length CHECK (CHAR_LENGTH(name) <= 100);
ALTER TABLE engineers ADD CONSTRAINT ck_engineers_specialty_length CHECK (CHAR_LENGTH(specialty) <= 50);
ALTER TABLE certificates ADD CONSTRAINT ck_certificates_title_length CHECK (CHAR_LENGTH(title) <= 100);
