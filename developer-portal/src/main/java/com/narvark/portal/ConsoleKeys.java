package com.narvark.portal;

import com.narvark.accounts.KeyDetails;
import com.narvark.accounts.KeyRateLimit;
import java.util.List;

/** The console's key table, as the page shows it (portal/console :: keys): hints only, never a secret. */
final class ConsoleKeys {

    private ConsoleKeys() {
    }

    /** One row; {@code revoked} rows have no actions. */
    record KeyRow(String keyId, String environment, String hint, String created, String state, String rate,
                  String plan, boolean revoked) {
    }

    static List<KeyRow> rows(List<KeyDetails> keys, int defaultPerMinute) {
        return keys.stream().map(k -> {
            String state = k.key().revokedAt() != null ? "revoked " + k.key().revokedAt().toString().substring(0, 10)
                    : k.active() ? "active" : "awaiting review";
            KeyRateLimit limit = k.rateLimit();
            String rate = limit.unlimited() ? "unlimited"
                    : (limit.perMinute() == null ? defaultPerMinute : limit.perMinute()) + " requests/min";
            String plan = limit.unlimited() ? "Enterprise" : limit.perMinute() == null ? "Standard" : "Custom";
            return new KeyRow(k.key().keyId(), k.key().livemode() ? "live" : "test", k.key().hint(),
                    k.key().createdAt().toString().substring(0, 10), state, rate, plan, k.key().revokedAt() != null);
        }).toList();
    }
}
