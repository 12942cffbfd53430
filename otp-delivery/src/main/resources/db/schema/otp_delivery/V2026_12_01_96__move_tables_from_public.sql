-- otp-delivery's tables leave public, where the legacy chain (db/migration) created them, for the module's own schema
-- (created by Flyway for this run). Indexes and constraints move with each table. No IF EXISTS: the legacy
-- chain ran just before and created every one of them, so a missing table means a database this migration does not
-- know, and failing here (in one transaction, nothing moved) beats starting without it.
ALTER TABLE public.sandbox_messages SET SCHEMA otp_delivery;
ALTER TABLE public.carrier_messages SET SCHEMA otp_delivery;
ALTER TABLE public.delivery_nodes SET SCHEMA otp_delivery;
ALTER TABLE public.delivery_processes SET SCHEMA otp_delivery;
