-- Accounts and their API keys (owned by api-gateway). A key is stored only as its SHA-256; the secret is shown once.
CREATE TABLE accounts (
    account_id VARCHAR(40)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE api_keys (
    key_id     VARCHAR(40) PRIMARY KEY,
    account_id VARCHAR(40) NOT NULL REFERENCES accounts (account_id),
    livemode   BOOLEAN     NOT NULL,
    key_hash   BYTEA       NOT NULL UNIQUE,
    -- The first characters of the key, enough to recognise it in a list, far too few to use it.
    key_hint   VARCHAR(24) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX api_keys_account ON api_keys (account_id);
