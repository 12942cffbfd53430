-- Issue 14: GET /v1/otp/{id} reads its own writes. Each row records the sequence number of the last event folded into
-- it; a read folds whatever the event store holds beyond it. Rows from before this change have none (NULL): their
-- reads fold the whole stream until the projection next writes them.
ALTER TABLE otp_status ADD COLUMN last_sequence BIGINT;
