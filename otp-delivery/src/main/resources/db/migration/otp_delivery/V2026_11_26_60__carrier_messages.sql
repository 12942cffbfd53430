-- Maps a carrier's message id back to the OTP delivery attempt it belongs to, so receipts can be applied.
CREATE TABLE carrier_messages (
    provider           VARCHAR(32)  NOT NULL,
    carrier_message_id VARCHAR(128) NOT NULL,
    otp_id             VARCHAR(40)  NOT NULL,
    attempt            SMALLINT     NOT NULL,
    channel            VARCHAR(16)  NOT NULL,
    accepted_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider, carrier_message_id)
);
CREATE INDEX carrier_messages_otp ON carrier_messages (otp_id);
