-- A read-only role for analysts and BI tools: SELECT on the read models, nothing else. NOLOGIN: grant it to a login
-- role of your own (GRANT narvark_analyst TO alice). Roles are cluster-wide, so on a shared server it may exist
-- already (another database, or a concurrent migration): creating it must never fail the migration, and a database
-- user without CREATEROLE only skips it (with a notice) instead of failing the start.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'narvark_analyst') THEN
        IF (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            BEGIN
                CREATE ROLE narvark_analyst NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        ELSE
            RAISE NOTICE 'narvark_analyst not created: % may not create roles', current_user;
        END IF;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'narvark_analyst') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO narvark_analyst', current_schema());
        GRANT SELECT ON otp_status, otp_analytics, otp_analytics_daily TO narvark_analyst;
    END IF;
END
$$;
