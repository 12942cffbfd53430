-- Issue 15: every node caches which endpoints of an account subscribe to what (webhooks.EndpointSubscriptions).
-- Whatever changes that announces itself on the channel narvark_webhook_endpoints, from inside the writing
-- transaction (delivered only if it commits), with the account id as payload; '*' (a TRUNCATE) drops everything.
CREATE FUNCTION narvark_notify_webhook_endpoints() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        PERFORM pg_notify('narvark_webhook_endpoints', '*');
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('narvark_webhook_endpoints', OLD.account_id);
    ELSE
        PERFORM pg_notify('narvark_webhook_endpoints', NEW.account_id);
        IF TG_OP = 'UPDATE' AND OLD.account_id IS DISTINCT FROM NEW.account_id THEN
            PERFORM pg_notify('narvark_webhook_endpoints', OLD.account_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER webhook_endpoints_notify_insert_delete AFTER INSERT OR DELETE ON webhook_endpoints
    FOR EACH ROW EXECUTE FUNCTION narvark_notify_webhook_endpoints();
-- Only the columns the cache holds: failing_since is written after every delivery attempt, the secrets on rotation.
CREATE TRIGGER webhook_endpoints_notify_update AFTER UPDATE ON webhook_endpoints
    FOR EACH ROW WHEN (OLD.enabled IS DISTINCT FROM NEW.enabled OR OLD.events IS DISTINCT FROM NEW.events
                       OR OLD.account_id IS DISTINCT FROM NEW.account_id OR OLD.livemode IS DISTINCT FROM NEW.livemode
                       OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION narvark_notify_webhook_endpoints();
CREATE TRIGGER webhook_endpoints_notify_truncate AFTER TRUNCATE ON webhook_endpoints
    FOR EACH STATEMENT EXECUTE FUNCTION narvark_notify_webhook_endpoints();
