package com.narvark.accounts;

import com.narvark.otp.api.message.MessageLocales;
import com.narvark.otp.api.message.MessageOptions;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An account's message settings in {@code accounts}: the display name its messages give and the language they are
 * written in when neither the send nor the destination decides. Without a display name of its own, an account's
 * name gives the brand when it is a valid one (30 characters at most), else {@link MessageOptions#UNBRANDED}.
 * Sends read through {@link MessageSettingsCache}; a change written here also leaves this node's cache when it commits.
 */
@Repository
public class MessageSettings {

    private final JdbcClient jdbc;
    private final MessageSettingsCache cache;

    MessageSettings(JdbcClient jdbc, MessageSettingsCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** The settings in force, defaults filled in; empty when there is no such account. */
    public Optional<Settings> of(String accountId) {
        return cache.get(accountId, () -> stored(accountId));
    }

    private Optional<Settings> stored(String accountId) {
        return jdbc.sql("SELECT name, display_name, default_locale FROM accounts.accounts WHERE account_id = ?")
                .param(accountId)
                .query((rs, row) -> new Settings(brand(rs.getString("display_name"), rs.getString("name")),
                        rs.getString("display_name") != null,
                        Optional.ofNullable(rs.getString("default_locale")).orElse(MessageLocales.ENGLISH),
                        rs.getString("default_locale") != null))
                .optional();
    }

    /** Null for either leaves it as it was; answers false when there is no such account. */
    public boolean update(String accountId, String displayName, String defaultLocale) {
        boolean updated = jdbc.sql("""
                UPDATE accounts.accounts SET display_name = COALESCE(?, display_name),
                    default_locale = COALESCE(?, default_locale) WHERE account_id = ?
                """).params(displayName, defaultLocale, accountId).update() == 1;
        if (updated) {
            cache.changedHere(accountId);
        }
        return updated;
    }

    private static String brand(String displayName, String accountName) {
        if (displayName != null) {
            return displayName;
        }
        return BrandNames.valid(accountName == null ? null : accountName.strip(), BrandNames.MAX_BRAND)
                .orElse(MessageOptions.UNBRANDED);
    }

    /** {@code displayNameSet}/{@code defaultLocaleSet}: whether the account chose them or they are defaults. */
    public record Settings(String brand, boolean displayNameSet, String defaultLocale, boolean defaultLocaleSet) {
    }
}
