-- An application table that needs nothing of certtrack's, for applications that migrated before adding it.
CREATE TABLE memos (
    id   BIGINT PRIMARY KEY,
    text VARCHAR(200) NOT NULL
);
