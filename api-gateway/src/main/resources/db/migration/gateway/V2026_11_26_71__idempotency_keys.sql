-- Idempotency-Key records (owned by api-gateway), scoped per API key. The INSERT of the in_flight row decides which
-- of several identical requests runs; the others replay its stored answer (sealed: it may hold a webhook secret).
CREATE TABLE idempotency_keys (
    key_id          VARCHAR(40)  NOT NULL REFERENCES api_keys (key_id),
    idempotency_key VARCHAR(255) NOT NULL,
    -- SHA-256 of method, path and body: the same key with another request is refused.
    fingerprint     BYTEA        NOT NULL,
    state           VARCHAR(10)  NOT NULL CHECK (state IN ('in_flight', 'done')),
    status          INTEGER,
    content_type    VARCHAR(100),
    sealed_body     BYTEA,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (key_id, idempotency_key)
);
