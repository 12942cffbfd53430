-- The gateway's own tables leave public, where the legacy chain (db/migration) created them, for its schema (created
-- by Flyway for this run). Indexes, constraints and triggers move with each table; foreign keys to the accounts'
-- tables refer to them by identity, not by name, and keep working. Axon's and db-scheduler's tables stay in public:
-- both frameworks name their tables unqualified. No IF EXISTS: the legacy chain ran just before and created every one
-- of them, so a missing table means a database this migration does not know, and failing here (in one transaction,
-- nothing moved) beats starting without it.
ALTER TABLE public.rate_limit_buckets SET SCHEMA gateway;
ALTER TABLE public.idempotency_keys SET SCHEMA gateway;
ALTER TABLE public.fraud_guard_policies SET SCHEMA gateway;

-- Handed over: the operator-credential throttle's hourly counts. Its CREATE TABLE sits in an applied migration of the
-- accounts module (V2026_12_01_10, which could not be split), but only the gateway's CredentialThrottle uses it.
ALTER TABLE public.credential_failures SET SCHEMA gateway;

-- The message-settings and guard-policy caches' change-notification function (legacy V2026_12_01_95): its triggers on
-- fraud_guard_policies and on accounts.accounts call it by identity; its body names no table.
ALTER FUNCTION public.narvark_notify_account_channel() SET SCHEMA gateway;
