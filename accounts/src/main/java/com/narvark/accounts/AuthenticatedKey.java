package com.narvark.accounts;

/**
 * What an active API key authenticates as: its account and environment, its own rate-limit setting and its
 * account's limit over all its keys ({@code accountPerMinute} null: the configured default).
 */
public record AuthenticatedKey(String accountId, boolean livemode, String keyId, KeyRateLimit rateLimit,
                               Integer accountPerMinute) {
}
