package com.narvark.accounts;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.narvark.otp.api.change.ChangeAwareCache;
import com.narvark.otp.api.change.ChangeFeed;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each account's message settings (the brand and language its messages use), so that a send costs no
 * {@code accounts} query: kept {@code narvark.accounts.message-cache.ttl} at most, {@code ….max-size} accounts at
 * most. The {@code accounts} triggers announce every change of the name, display name or default locale on
 * {@value #CHANNEL} with the account id, and each node drops that account's entry; while this node's change feed
 * is not up to date, nothing cached is used. Unknown accounts are never cached.
 */
@Component
class MessageSettingsCache {

    static final String CHANNEL = "narvark_account_messages";

    private final ChangeAwareCache<String, MessageSettings.Settings> cache;

    MessageSettingsCache(ChangeFeed feed, @Value("${narvark.accounts.message-cache.ttl:60s}") Duration ttl,
                         @Value("${narvark.accounts.message-cache.max-size:10000}") long maxSize) {
        this.cache = new ChangeAwareCache<>(feed, CHANNEL,
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize)
                        .<String, MessageSettings.Settings>build().asMap(),
                (accountId, cached, settings) -> cached.equals(accountId));
    }

    /** The account's settings: cached, or {@code load}ed (and then cached). */
    Optional<MessageSettings.Settings> get(String accountId, Supplier<Optional<MessageSettings.Settings>> load) {
        return Optional.ofNullable(cache.get(accountId, ignored -> load.get().orElse(null)));
    }

    /** This node changed the account's settings: its entry goes as the change commits, before the notice. */
    void changedHere(String accountId) {
        cache.changedHere(accountId);
    }
}
