-- The fraud guards' lookup tables (owned by otp-command). Written in the command's own transaction, so a count and
-- the OTP it admits commit together. Destinations appear only as a keyed hash (HMAC under the code pepper, bound
-- to the account): the tables reveal nobody's phone number or email. Rows older than their window are pruned.
CREATE TABLE guard_destination_sends (
    otp_id           VARCHAR(40) PRIMARY KEY,
    destination_hash BYTEA       NOT NULL,
    sent_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX guard_destination_sends_by_destination ON guard_destination_sends (destination_hash, sent_at);

CREATE TABLE guard_destination_failures (
    id               BIGSERIAL   PRIMARY KEY,
    destination_hash BYTEA       NOT NULL,
    failed_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX guard_destination_failures_by_destination ON guard_destination_failures (destination_hash, failed_at);
