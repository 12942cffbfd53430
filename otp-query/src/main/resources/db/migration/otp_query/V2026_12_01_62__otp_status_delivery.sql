-- Issue 16: why an OTP failed, in the failure taxonomy, with the carrier's own code beside it; the carrier messages
-- its dispatches went out as (a long SMS is several parts); and each delivery attempt's outcome. Rows projected before
-- have NULLs (no reason, no parts known, no attempts) until the otp-status projection is rebuilt.
ALTER TABLE otp_status
    ADD COLUMN failure_reason    VARCHAR(32),
    ADD COLUMN carrier_error     VARCHAR(160),
    ADD COLUMN parts             INTEGER,
    ADD COLUMN delivery_attempts JSONB;
