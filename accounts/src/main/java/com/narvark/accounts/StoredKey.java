package com.narvark.accounts;

import java.time.Instant;

/** An API key as stored: everything but the secret. */
public record StoredKey(String keyId, String accountId, boolean livemode, String hint, Instant createdAt,
                        Instant revokedAt) {
}
