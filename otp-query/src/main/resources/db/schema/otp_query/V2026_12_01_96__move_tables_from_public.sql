-- otp-query's tables leave public, where the legacy chain (db/migration) created them, for the module's own schema
-- (created by Flyway for this run). Indexes, constraints and the privileges granted on them move with each table. No
-- IF EXISTS: the legacy chain ran just before and created every one of them, so a missing table means a database
-- this migration does not know, and failing here (in one transaction, nothing moved) beats starting without it.
ALTER TABLE public.otp_status SET SCHEMA otp_query;
ALTER TABLE public.otp_analytics SET SCHEMA otp_query;
ALTER TABLE public.otp_failure_analytics SET SCHEMA otp_query;
ALTER TABLE public.usage_otps SET SCHEMA otp_query;
ALTER TABLE public.usage_dispatches SET SCHEMA otp_query;

-- The analysts' view over otp_analytics refers to its table by identity, not by name, so it would go on working in
-- public; it moves anyway, so that public keeps nothing of this module. Its grants move with it.
ALTER VIEW public.otp_analytics_daily SET SCHEMA otp_query;

-- The analysts' role (legacy V2026_11_26_53, where it could be created) was granted SELECT on the read models and
-- USAGE on public; the grants on the tables and the view moved with them, and reading them now needs USAGE on this
-- schema too. The role is cluster-wide and may be missing (a database user without CREATEROLE skipped it).
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'narvark_analyst') THEN
        GRANT USAGE ON SCHEMA otp_query TO narvark_analyst;
    END IF;
END
$$;
