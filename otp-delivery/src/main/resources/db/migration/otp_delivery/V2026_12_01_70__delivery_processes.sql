-- One row per OTP still being delivered: the delivery process's state (JSON) and its one pending timeout. An event
-- costs a lock and an update of this row; the timeouts are fired by a poller per node with SKIP LOCKED, so no
-- scheduler rows are written per attempt. Ending a delivery deletes the row.
CREATE TABLE delivery_processes (
    otp_id VARCHAR(40) PRIMARY KEY,
    state  BYTEA       NOT NULL,
    due_at TIMESTAMPTZ
);
CREATE INDEX delivery_processes_due ON delivery_processes (due_at) WHERE due_at IS NOT NULL;
