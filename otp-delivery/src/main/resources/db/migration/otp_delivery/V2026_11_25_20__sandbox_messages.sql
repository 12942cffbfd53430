-- The sandbox carrier's inbox (owned by otp-delivery). The text holds the code, so it is stored only as AES-GCM
-- ciphertext under the configured key: a database dump reveals no code.
CREATE TABLE sandbox_messages (
    message_id      VARCHAR(40)  PRIMARY KEY,
    otp_id          VARCHAR(40)  NOT NULL,
    attempt         SMALLINT     NOT NULL,
    account_id      VARCHAR(40)  NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    to_address      VARCHAR(320) NOT NULL,
    text_ciphertext BYTEA        NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (otp_id, attempt)
);
