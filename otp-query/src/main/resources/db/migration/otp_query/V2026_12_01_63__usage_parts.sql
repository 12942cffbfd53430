-- Issue 16: a long SMS goes out as several concatenated parts and carriers bill each part. Every dispatch row records
-- the carrier messages it took; dispatches metered before were single messages.
ALTER TABLE usage_dispatches ADD COLUMN parts INTEGER NOT NULL DEFAULT 1;
