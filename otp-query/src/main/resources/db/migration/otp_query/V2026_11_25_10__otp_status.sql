-- The status read model (owned by otp-query). One row per OTP, kept after the OTP ended.
CREATE TABLE otp_status (
    otp_id             VARCHAR(40)  PRIMARY KEY,
    account_id         VARCHAR(40)  NOT NULL,
    livemode           BOOLEAN      NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    to_address         VARCHAR(320) NOT NULL,
    channel            VARCHAR(16)  NOT NULL,
    fallback           TEXT[]       NOT NULL,
    channels_tried     TEXT[]       NOT NULL,
    code_length        SMALLINT     NOT NULL,
    attempts_used      SMALLINT     NOT NULL,
    attempts_remaining SMALLINT     NOT NULL,
    metadata           JSONB        NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    expires_at         TIMESTAMPTZ  NOT NULL,
    dispatched_at      TIMESTAMPTZ,
    delivered_at       TIMESTAMPTZ,
    read_at            TIMESTAMPTZ,
    verified_at        TIMESTAMPTZ,
    expired_at         TIMESTAMPTZ,
    failed_at          TIMESTAMPTZ,
    locked_at          TIMESTAMPTZ
);

CREATE INDEX otp_status_account_created ON otp_status (account_id, livemode, created_at DESC);
