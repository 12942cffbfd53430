-- Resends walk the channels again (attempt = round × channels + step): a fallback was used when attempt mod the
-- number of channels is above 0, so each row keeps that number. Existing rows predate resends: 1 + their fallbacks
-- is unknown here, and attempt > 0 meant a fallback for them, which a count of 2^15 - 1 keeps true.
ALTER TABLE otp_analytics ADD COLUMN channel_count SMALLINT NOT NULL DEFAULT 32767;
ALTER TABLE otp_analytics ALTER COLUMN channel_count DROP DEFAULT;
