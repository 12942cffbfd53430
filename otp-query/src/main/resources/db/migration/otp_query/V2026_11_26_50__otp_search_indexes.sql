-- Search (GET /v1/otp) at 10 million rows: every page is scoped to (account_id, livemode), ordered newest first by
-- (created_at DESC, otp_id DESC) and cut by a keyset cursor, so each index below starts with the scope, then the
-- equality filter it serves, then the sort keys: PostgreSQL walks it in order and stops after limit + 1 rows.
-- Why each exists, and which filter uses which, is in docs/read-models.md.
DROP INDEX IF EXISTS otp_status_account_created;

CREATE INDEX otp_status_scope_created ON otp_status (account_id, livemode, created_at DESC, otp_id DESC);
CREATE INDEX otp_status_scope_status ON otp_status (account_id, livemode, status, created_at DESC, otp_id DESC);
CREATE INDEX otp_status_scope_channel ON otp_status (account_id, livemode, channel, created_at DESC, otp_id DESC);
CREATE INDEX otp_status_scope_to ON otp_status (account_id, livemode, to_address, created_at DESC, otp_id DESC);
-- metadata[key]=value is containment (metadata @> '{"key":"value"}'): a GIN index finds the matching rows, which
-- are then sorted; jsonb_path_ops is smaller and faster than the default operator class for @>.
CREATE INDEX otp_status_metadata ON otp_status USING GIN (metadata jsonb_path_ops);
