-- The analytics read model (owned by otp-query): one row per OTP with the first time it reached each outcome.
-- Counts and percentiles are computed from these rows, so a p95 over any window is exact. See docs/read-models.md.
CREATE TABLE otp_analytics (
    otp_id        VARCHAR(40) PRIMARY KEY,
    account_id    VARCHAR(40) NOT NULL,
    livemode      BOOLEAN     NOT NULL,
    sent_day      DATE        NOT NULL,
    channel       VARCHAR(16) NOT NULL,
    country       CHAR(2),
    sent_at       TIMESTAMPTZ NOT NULL,
    dispatched_at TIMESTAMPTZ,
    delivered_at  TIMESTAMPTZ,
    read_at       TIMESTAMPTZ,
    verified_at   TIMESTAMPTZ,
    expired_at    TIMESTAMPTZ,
    failed_at     TIMESTAMPTZ,
    locked_at     TIMESTAMPTZ,
    fallback_used BOOLEAN     NOT NULL DEFAULT false,
    delivered_ms  BIGINT GENERATED ALWAYS AS ((EXTRACT(EPOCH FROM delivered_at - sent_at) * 1000)::BIGINT) STORED,
    verified_ms   BIGINT GENERATED ALWAYS AS ((EXTRACT(EPOCH FROM verified_at - sent_at) * 1000)::BIGINT) STORED
);

CREATE INDEX otp_analytics_scope_day ON otp_analytics (account_id, livemode, sent_day);

-- The same numbers per account, environment, day, channel and country, ready for a BI tool.
CREATE VIEW otp_analytics_daily AS
SELECT account_id, livemode, sent_day, channel, country,
       count(*)                                    AS sent,
       count(dispatched_at)                        AS dispatched,
       count(delivered_at)                         AS delivered,
       count(read_at)                              AS read,
       count(verified_at)                          AS verified,
       count(expired_at)                           AS expired,
       count(failed_at)                            AS failed,
       count(locked_at)                            AS locked,
       count(*) FILTER (WHERE fallback_used)       AS fallback_used,
       round(count(verified_at)::NUMERIC / count(*), 4) AS conversion,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY delivered_ms)  AS delivered_p50_ms,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY delivered_ms) AS delivered_p95_ms,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY verified_ms)   AS verified_p50_ms,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY verified_ms)  AS verified_p95_ms
FROM otp_analytics
GROUP BY account_id, livemode, sent_day, channel, country;
