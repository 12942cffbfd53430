-- Per-key rate limits (owned by api-gateway). NULL requests_per_minute = the default (narvark.rate-limit.per-minute);
-- unlimited keys (the enterprise plan) skip the limiter altogether.
ALTER TABLE api_keys ADD COLUMN rate_limit_per_minute INTEGER CHECK (rate_limit_per_minute > 0);
ALTER TABLE api_keys ADD COLUMN rate_unlimited BOOLEAN NOT NULL DEFAULT FALSE;

-- One GCRA bucket per key: the theoretical arrival time of the next request. Shared by every node, updated by one
-- atomic statement per request, so the limit holds across the cluster.
CREATE TABLE rate_limit_buckets (
    key_id VARCHAR(40) PRIMARY KEY REFERENCES api_keys (key_id),
    tat    TIMESTAMPTZ NOT NULL
);
