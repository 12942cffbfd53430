-- otp-webhooks' tables leave public, where the legacy chain (db/migration) created them, for the module's own schema
-- (created by Flyway for this run). Indexes, constraints, owned sequences and triggers move with each table; the
-- foreign keys between them refer to tables by identity, not by name, and keep working. No IF EXISTS: the legacy
-- chain ran just before and created every one of them, so a missing table means a database this migration does not
-- know, and failing here (in one transaction, nothing moved) beats starting without it.
ALTER TABLE public.webhook_endpoints SET SCHEMA otp_webhooks;
ALTER TABLE public.webhook_otps SET SCHEMA otp_webhooks;
ALTER TABLE public.webhook_events SET SCHEMA otp_webhooks;
ALTER TABLE public.webhook_deliveries SET SCHEMA otp_webhooks;
ALTER TABLE public.webhook_attempts SET SCHEMA otp_webhooks;

-- The endpoints' change-notification function (legacy V2026_12_01_91): its triggers moved with webhook_endpoints and
-- call it by identity; its body names no table. It follows them, so that public keeps nothing of this module.
ALTER FUNCTION public.narvark_notify_webhook_endpoints() SET SCHEMA otp_webhooks;
