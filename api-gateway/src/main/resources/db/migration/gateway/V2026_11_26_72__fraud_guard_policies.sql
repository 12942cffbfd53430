-- Per-account, per-environment fraud-guard settings (owned by api-gateway, set through /v1/fraud_guard). No row means
-- the defaults: every country allowed, guards enforced.
CREATE TABLE fraud_guard_policies (
    account_id        VARCHAR(40) NOT NULL REFERENCES accounts (account_id),
    livemode          BOOLEAN     NOT NULL,
    allowed_countries TEXT[]      NOT NULL,
    monitor_only      BOOLEAN     NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, livemode)
);
