-- The accounts module's tables leave public, where the legacy chain (db/migration) created them, for the module's own
-- schema (created by Flyway for this run). Indexes, constraints, owned sequences and triggers move with each table;
-- foreign keys, the gateway's to these tables included, refer to tables by identity, not by name, and keep working.
-- No IF EXISTS: the legacy chain ran just before and created every one of them, so a missing table means a database
-- this migration does not know, and failing here (in one transaction, nothing moved) beats starting without it.
ALTER TABLE public.accounts SET SCHEMA accounts;
ALTER TABLE public.api_keys SET SCHEMA accounts;
ALTER TABLE public.access_requests SET SCHEMA accounts;
ALTER TABLE public.portal_members SET SCHEMA accounts;
ALTER TABLE public.key_reveals SET SCHEMA accounts;
ALTER TABLE public.portal_sessions SET SCHEMA accounts;
ALTER TABLE public.portal_audit SET SCHEMA accounts;
ALTER TABLE public.portal_outbox SET SCHEMA accounts;

-- The key cache's change-notification function (legacy V2026_12_01_90): its triggers moved with api_keys and accounts
-- and call it by identity; its body names no table. It follows them, so that public keeps nothing of this module.
ALTER FUNCTION public.narvark_notify_api_keys() SET SCHEMA accounts;
