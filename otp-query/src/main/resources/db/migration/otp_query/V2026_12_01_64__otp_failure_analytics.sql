-- Issue 16: failures per country, channel and reason (owned by otp-query, processing group otp-analytics, so a rebuild
-- of the analytics rebuilds it too). One row per failed delivery attempt, with the OTP's account, environment and
-- destination country taken from its otp_analytics row; ended_otp marks the attempt whose failure failed the OTP.
-- Reasons are FailureReason wire names (reasons stored before the taxonomy are classified when the row is written).
CREATE TABLE otp_failure_analytics (
    otp_id         VARCHAR(40) NOT NULL,
    attempt        SMALLINT    NOT NULL,
    account_id     VARCHAR(40) NOT NULL,
    livemode       BOOLEAN     NOT NULL,
    failed_day     DATE        NOT NULL,
    channel        VARCHAR(16) NOT NULL,
    country        VARCHAR(2),
    failure_reason VARCHAR(32) NOT NULL,
    ended_otp      BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (otp_id, attempt)
);

CREATE INDEX otp_failure_analytics_account_day ON otp_failure_analytics (account_id, livemode, failed_day);

-- Readable by the analysts' role like the other analytics tables, where that role exists (see the analyst role).
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'narvark_analyst') THEN
        GRANT SELECT ON otp_failure_analytics TO narvark_analyst;
    END IF;
END
$$;
