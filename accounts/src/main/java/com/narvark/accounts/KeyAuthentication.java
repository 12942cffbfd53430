package com.narvark.accounts;

import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Checks an API key secret: well-formed, known by its hash, active and not revoked, and of the environment its
 * prefix names. Read through this node's key cache, so a request costs no {@code api_keys} query.
 */
@Service
public class KeyAuthentication {

    private final ApiKeyStore store;

    KeyAuthentication(ApiKeyStore store) {
        this.store = store;
    }

    /** What the key authenticates as; empty for any failure alike, so a caller cannot tell which case it was. */
    public Optional<AuthenticatedKey> authenticate(String secret) {
        if (!ApiKeys.isWellFormed(secret)) {
            return Optional.empty();
        }
        return store.authenticate(secret);
    }
}
