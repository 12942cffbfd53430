-- Buckets now also limit accounts (account:<id>) and credential guessing (guess:<surface>:<address hash>), not only
-- API keys: the key reference goes, the name grows. Existing rows (plain key ids) keep working.
ALTER TABLE rate_limit_buckets DROP CONSTRAINT rate_limit_buckets_key_id_fkey;
ALTER TABLE rate_limit_buckets ALTER COLUMN key_id TYPE VARCHAR(100);

-- Failed operator-credential attempts, counted per surface and hour instead of one audit row each: an attacker's
-- guesses cannot push real audit entries out of view, and the operator page still shows that they happen.
CREATE TABLE credential_failures (
    surface    VARCHAR(32) NOT NULL,
    hour_start TIMESTAMPTZ NOT NULL,
    failures   BIGINT      NOT NULL,
    PRIMARY KEY (surface, hour_start)
);

-- Admin API actions are audited too: the action names the method and route, the subject the ids it acted on.
ALTER TABLE portal_audit ALTER COLUMN action TYPE VARCHAR(120);
ALTER TABLE portal_audit ALTER COLUMN subject TYPE VARCHAR(200);

-- An account's own request limit over all its keys together; NULL = narvark.rate-limit.account-per-minute.
ALTER TABLE accounts ADD COLUMN rate_limit_per_minute INTEGER CHECK (rate_limit_per_minute > 0);
