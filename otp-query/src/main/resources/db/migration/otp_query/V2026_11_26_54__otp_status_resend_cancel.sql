-- Resends and cancellation (issue 6): how often the code was sent, when last, and when the OTP was cancelled.
ALTER TABLE otp_status
    ADD COLUMN sends        SMALLINT    NOT NULL DEFAULT 1,
    ADD COLUMN last_sent_at TIMESTAMPTZ,
    ADD COLUMN cancelled_at TIMESTAMPTZ;

UPDATE otp_status SET last_sent_at = created_at;
