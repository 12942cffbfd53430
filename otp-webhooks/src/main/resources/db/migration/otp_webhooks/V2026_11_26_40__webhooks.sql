-- Webhooks (owned by otp-webhooks): endpoints, the facts of each OTP the payloads need, the outbox and its log.
CREATE TABLE webhook_endpoints (
    endpoint_id              VARCHAR(40)   PRIMARY KEY,
    account_id               VARCHAR(40)   NOT NULL,
    livemode                 BOOLEAN       NOT NULL,
    url                      VARCHAR(2048) NOT NULL,
    -- Empty: every event type.
    events                   TEXT[]        NOT NULL,
    -- AES-GCM sealed under the configured encryption key (bound to the endpoint id): a dump reveals no secret.
    secret_ciphertext        BYTEA         NOT NULL,
    previous_secret_ciphertext BYTEA,
    previous_secret_expires_at TIMESTAMPTZ,
    enabled                  BOOLEAN       NOT NULL,
    disabled_reason          VARCHAR(200),
    -- Start of the current run of failed attempts; null while the endpoint answers 2xx.
    failing_since            TIMESTAMPTZ,
    created_at               TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id, livemode);

-- What the payloads say about an OTP; later events carry only its id.
CREATE TABLE webhook_otps (
    otp_id     VARCHAR(40)  PRIMARY KEY,
    account_id VARCHAR(40)  NOT NULL,
    livemode   BOOLEAN      NOT NULL,
    to_address VARCHAR(320) NOT NULL,
    channel    VARCHAR(16)  NOT NULL,
    metadata   JSONB        NOT NULL
);

-- One public event, its payload frozen as the exact bytes every attempt posts.
CREATE TABLE webhook_events (
    event_id   VARCHAR(40) PRIMARY KEY,
    type       VARCHAR(32) NOT NULL,
    otp_id     VARCHAR(40) NOT NULL,
    payload    BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- The outbox: one row per (event, endpoint). seq orders an endpoint's deliveries and pages the log.
CREATE TABLE webhook_deliveries (
    seq             BIGSERIAL   NOT NULL UNIQUE,
    delivery_id     VARCHAR(40) PRIMARY KEY,
    endpoint_id     VARCHAR(40) NOT NULL REFERENCES webhook_endpoints (endpoint_id) ON DELETE CASCADE,
    event_id        VARCHAR(40) NOT NULL REFERENCES webhook_events (event_id),
    account_id      VARCHAR(40) NOT NULL,
    livemode        BOOLEAN     NOT NULL,
    type            VARCHAR(32) NOT NULL,
    otp_id          VARCHAR(40) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    -- Attempts since the delivery was (re)queued; the schedule gives up after its last step.
    attempt_count   INTEGER     NOT NULL,
    -- When pending: the next attempt, or the end of a sender's lease while it is being posted.
    next_attempt_at TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint_queue ON webhook_deliveries (endpoint_id, seq) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (account_id, livemode, seq DESC);

CREATE TABLE webhook_attempts (
    delivery_id  VARCHAR(40) NOT NULL REFERENCES webhook_deliveries (delivery_id) ON DELETE CASCADE,
    attempted_at TIMESTAMPTZ NOT NULL,
    http_status  INTEGER,
    latency_ms   BIGINT      NOT NULL,
    error        VARCHAR(200)
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempted_at);
