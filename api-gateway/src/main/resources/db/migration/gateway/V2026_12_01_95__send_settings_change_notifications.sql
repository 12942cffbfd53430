-- Issue 15: every node caches what a send and a verify read of their account besides its key: the message settings
-- (message.AccountMessagesCache: name, display_name, default_locale of accounts) and the fraud-guard policy per
-- environment (fraud.GuardPolicyCache: fraud_guard_policies, the answer "no row" included). Whatever changes them
-- announces itself from inside the writing transaction (delivered only if it commits, to every listening node), on
-- the channel the trigger names, with the account id as payload; '*' (a TRUNCATE) drops everything.
CREATE FUNCTION narvark_notify_account_channel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        PERFORM pg_notify(TG_ARGV[0], '*');
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM pg_notify(TG_ARGV[0], OLD.account_id);
    ELSE
        PERFORM pg_notify(TG_ARGV[0], NEW.account_id);
        IF TG_OP = 'UPDATE' AND OLD.account_id IS DISTINCT FROM NEW.account_id THEN
            PERFORM pg_notify(TG_ARGV[0], OLD.account_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

-- Of an account, the message cache holds what its messages say: the brand (display_name, else name) and the
-- language. Inserts need no notice: an unknown account is never cached.
CREATE TRIGGER accounts_notify_message_settings AFTER UPDATE ON accounts
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.display_name IS DISTINCT FROM NEW.display_name
                       OR OLD.default_locale IS DISTINCT FROM NEW.default_locale
                       OR OLD.account_id IS DISTINCT FROM NEW.account_id)
    EXECUTE FUNCTION narvark_notify_account_channel('narvark_account_messages');
CREATE TRIGGER accounts_notify_message_settings_delete AFTER DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION narvark_notify_account_channel('narvark_account_messages');
CREATE TRIGGER accounts_notify_message_settings_truncate AFTER TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION narvark_notify_account_channel('narvark_account_messages');

-- Inserts too: most accounts have no policy row, and the caches hold that answer (the defaults) like any other.
CREATE TRIGGER fraud_guard_policies_notify_insert_delete AFTER INSERT OR DELETE ON fraud_guard_policies
    FOR EACH ROW EXECUTE FUNCTION narvark_notify_account_channel('narvark_fraud_guard_policies');
CREATE TRIGGER fraud_guard_policies_notify_update AFTER UPDATE ON fraud_guard_policies
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION narvark_notify_account_channel('narvark_fraud_guard_policies');
CREATE TRIGGER fraud_guard_policies_notify_truncate AFTER TRUNCATE ON fraud_guard_policies
    FOR EACH STATEMENT EXECUTE FUNCTION narvark_notify_account_channel('narvark_fraud_guard_policies');
