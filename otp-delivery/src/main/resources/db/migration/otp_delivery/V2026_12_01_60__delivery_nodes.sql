-- One row per running node of the delivery module, refreshed twice a second. Carrier calls run from an in-memory
-- queue; when a node dies (kill -9) with messages still queued, its silence here lets another node resend them
-- within seconds instead of waiting for the whole send timeout.
CREATE TABLE delivery_nodes (
    node_id    VARCHAR(40) PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    seen_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
