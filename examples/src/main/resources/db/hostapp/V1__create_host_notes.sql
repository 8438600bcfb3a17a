-- The host application's own schema, version 1: a table certtrack knows nothing about.
CREATE TABLE host_notes (
    id   BIGINT       NOT NULL,
    body VARCHAR(200) NOT NULL,
    CONSTRAINT pk_host_notes PRIMARY KEY (id)
);
