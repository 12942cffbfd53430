-- The developer portal (owned by api-gateway): access requests, their approval, the one-time key reveal, console
-- sign-in sessions, an audit trail, and the outbox of portal emails recorded instead of sent in sandbox mode.

-- A live key issued by an approval stays inactive until the operator enables it; inactive keys authenticate nothing.
ALTER TABLE api_keys ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE access_requests (
    request_id     VARCHAR(40)  PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    company        VARCHAR(200) NOT NULL,
    email          VARCHAR(320) NOT NULL,
    monthly_volume VARCHAR(16)  NOT NULL,
    channels       TEXT[]       NOT NULL,
    use_case       TEXT         NOT NULL,
    -- Keyed hash of the client address: enough to rate limit per address, not to tell who it was.
    client_ip_hash BYTEA        NOT NULL,
    status         VARCHAR(16)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at     TIMESTAMPTZ  NOT NULL,
    decided_at     TIMESTAMPTZ,
    decided_by     VARCHAR(200),
    reason         TEXT,
    account_id     VARCHAR(40)  REFERENCES accounts (account_id)
);
CREATE INDEX access_requests_status ON access_requests (status, created_at);
CREATE INDEX access_requests_ip ON access_requests (client_ip_hash, created_at);

-- Who may sign in to an account's console: the work email of the approved request.
CREATE TABLE portal_members (
    email      VARCHAR(320) PRIMARY KEY,
    account_id VARCHAR(40)  NOT NULL REFERENCES accounts (account_id),
    created_at TIMESTAMPTZ  NOT NULL
);

-- The keys of a new account, sealed (AES-GCM, key from configuration) until the one-time link is used; then the
-- ciphertext is erased in the same statement that burns the token. Only the token's SHA-256 is stored.
CREATE TABLE key_reveals (
    token_hash BYTEA       PRIMARY KEY,
    account_id VARCHAR(40) NOT NULL REFERENCES accounts (account_id),
    secrets    BYTEA,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- Signed-in browsers (operator or account member) and sign-ins waiting for their emailed code. Only the cookie's
-- SHA-256 is stored.
CREATE TABLE portal_sessions (
    session_hash   BYTEA        PRIMARY KEY,
    kind           VARCHAR(16)  NOT NULL CHECK (kind IN ('operator', 'member', 'pending')),
    actor          VARCHAR(320) NOT NULL,
    account_id     VARCHAR(40)  REFERENCES accounts (account_id),
    pending_otp_id VARCHAR(40),
    created_at     TIMESTAMPTZ  NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL
);

CREATE TABLE portal_audit (
    audit_id BIGSERIAL    PRIMARY KEY,
    at       TIMESTAMPTZ  NOT NULL,
    actor    VARCHAR(320) NOT NULL,
    action   VARCHAR(40)  NOT NULL,
    subject  VARCHAR(80)  NOT NULL,
    detail   TEXT
);
CREATE INDEX portal_audit_subject ON portal_audit (subject, at);
CREATE INDEX portal_audit_actor ON portal_audit (actor, action, at);

-- Portal emails recorded instead of sent when the email channel runs on the sandbox carrier. The body holds the
-- one-time link, so it is sealed like the sandbox carrier's inbox.
CREATE TABLE portal_outbox (
    message_id      VARCHAR(40)  PRIMARY KEY,
    to_address      VARCHAR(320) NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    body_ciphertext BYTEA        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX portal_outbox_to ON portal_outbox (to_address, created_at);
