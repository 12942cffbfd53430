-- Issue 14: a receipt timeout no longer fails an OTP; it is recorded as "unconfirmed" (accepted by a carrier, no
-- delivery receipt within the channel's receipt timeout) and the code stays verifiable. Both read models keep the
-- first time it happened. Rows written before this change have none: their timeouts were recorded as failures.
ALTER TABLE otp_status ADD COLUMN unconfirmed_at TIMESTAMPTZ;
ALTER TABLE otp_analytics ADD COLUMN unconfirmed_at TIMESTAMPTZ;

-- CREATE OR REPLACE may only append columns, so the new count comes last; grants on the view are kept.
CREATE OR REPLACE VIEW otp_analytics_daily AS
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
       percentile_cont(0.95) WITHIN GROUP (ORDER BY verified_ms)  AS verified_p95_ms,
       count(unconfirmed_at)                       AS unconfirmed
FROM otp_analytics
GROUP BY account_id, livemode, sent_day, channel, country;
