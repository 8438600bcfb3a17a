-- Lists are paged in name order (ORDER BY name, id LIMIT n OFFSET m). With these indexes a page is read
-- from the index instead of sorting the whole table, so its cost does not grow with the table.
CREATE INDEX ix_instructors_name_id ON instructors (name, id);
CREATE INDEX ix_engineers_name_id ON engineers (name, id);
