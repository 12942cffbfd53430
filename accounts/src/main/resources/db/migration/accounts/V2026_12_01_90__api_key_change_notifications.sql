-- Issue 15: every node caches what an API key authenticates as (auth.ApiKeyCache). Whatever changes that announces
-- itself on the channel narvark_api_keys, from inside the writing transaction: PostgreSQL delivers a notification
-- only if its transaction commits, and to every listening node. The payload is the account id (the caches drop
-- that account's keys); '*' (a TRUNCATE) drops everything. Inserts need none: unknown keys are never cached.
CREATE FUNCTION narvark_notify_api_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        PERFORM pg_notify('narvark_api_keys', '*');
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('narvark_api_keys', OLD.account_id);
    ELSE
        PERFORM pg_notify('narvark_api_keys', NEW.account_id);
        IF TG_OP = 'UPDATE' AND OLD.account_id IS DISTINCT FROM NEW.account_id THEN
            PERFORM pg_notify('narvark_api_keys', OLD.account_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

-- Any real change of a key row (revoked, deactivated, its limit): the whole row, so a column added later cannot be
-- forgotten here. A column written on the request path (a last-used time, say) would have to be left out.
CREATE TRIGGER api_keys_notify_update AFTER UPDATE ON api_keys
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION narvark_notify_api_keys();
CREATE TRIGGER api_keys_notify_delete AFTER DELETE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION narvark_notify_api_keys();
CREATE TRIGGER api_keys_notify_truncate AFTER TRUNCATE ON api_keys
    FOR EACH STATEMENT EXECUTE FUNCTION narvark_notify_api_keys();

-- Of an account, the cache holds its rate limit only (its names and message settings change without a notice).
CREATE TRIGGER accounts_notify_rate_limit AFTER UPDATE ON accounts
    FOR EACH ROW WHEN (OLD.rate_limit_per_minute IS DISTINCT FROM NEW.rate_limit_per_minute)
    EXECUTE FUNCTION narvark_notify_api_keys();
CREATE TRIGGER accounts_notify_delete AFTER DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION narvark_notify_api_keys();
CREATE TRIGGER accounts_notify_truncate AFTER TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION narvark_notify_api_keys();
