-- The host's own Flyway script: it needs nothing of certtrack's.
CREATE TABLE host_events (
    id   BIGINT PRIMARY KEY,
    what VARCHAR(200) NOT NULL
);
