-- When each OTP that has not ended expires (owned by otp-command). The command that creates an OTP inserts its row
-- and the one that ends it (verified, locked, failed, cancelled, expired) deletes it, both in the command's own
-- transaction. A poller on every node claims due rows (SKIP LOCKED, leased by moving expires_at on) and sends the
-- expire command. Replaces an Axon deadline per OTP in db-scheduler's scheduled_tasks.
CREATE TABLE otp_expiries (
    otp_id     VARCHAR(40) PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX otp_expiries_due ON otp_expiries (expires_at);
