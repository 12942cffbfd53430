-- otp-command's tables leave public, where the legacy chain (db/migration) created them, for the module's own schema
-- (created by Flyway for this run). Indexes, constraints, owned sequences and triggers move with each table. No
-- IF EXISTS: the legacy chain ran just before and created every one of them, so a missing table means a database
-- this migration does not know, and failing here (in one transaction, nothing moved) beats starting without it.
ALTER TABLE public.guard_destination_sends SET SCHEMA otp_command;
ALTER TABLE public.guard_destination_failures SET SCHEMA otp_command;
ALTER TABLE public.otp_expiries SET SCHEMA otp_command;
