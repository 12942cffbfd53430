-- The NDJSON export (GET /v1/events/export) reads the event store by time window. Axon writes timestamps as
-- fixed-width ISO-8601 text, so a plain B-tree on the text orders them in time.
CREATE INDEX domainevententry_timestamp ON domainevententry (timestamp);
