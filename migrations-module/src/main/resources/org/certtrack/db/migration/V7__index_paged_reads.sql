-- Every paged read is ordered (certificates expiring in a year by id, engineers of a specialty by name
-- and id). With these indexes a page is read in that order from the index instead of sorting every
-- matching row, so its cost does not grow with the tables. Each replaces an index on its first column.
CREATE INDEX ix_certificates_expiration_year_id ON certificates (expiration_year, id);
DROP INDEX ix_certificates_expiration_year;
CREATE INDEX ix_engineers_specialty_name_id ON engineers (specialty, name, id);
DROP INDEX ix_engineers_specialty;
