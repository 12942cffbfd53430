-- Usage metering (owned by otp-query, projection otp-usage): one row per billable dispatch, so an invoice line can be
-- traced to the OTPs behind it. Only the live environment is billable; test OTPs leave no row. Rebuilt from the
-- event store like the other projections. See docs/read-models.md.

-- The account of each live OTP, remembered from its OtpRequestedEvent: later events carry only the OTP id.
CREATE TABLE usage_otps (
    otp_id     VARCHAR(40) PRIMARY KEY,
    account_id VARCHAR(40) NOT NULL
);

-- One row per OtpDispatchedEvent of a live OTP (the aggregate sequence number tells two dispatches apart, e.g. a
-- fallback or a resend), so a replayed event can never count twice.
CREATE TABLE usage_dispatches (
    otp_id         VARCHAR(40) NOT NULL,
    event_sequence BIGINT      NOT NULL,
    account_id     VARCHAR(40) NOT NULL,
    channel        VARCHAR(16) NOT NULL,
    attempt        SMALLINT    NOT NULL,
    usage_month    DATE        NOT NULL,
    dispatched_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (otp_id, event_sequence)
);

CREATE INDEX usage_dispatches_account_month ON usage_dispatches (account_id, usage_month, channel);
