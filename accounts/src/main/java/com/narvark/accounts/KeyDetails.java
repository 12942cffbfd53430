package com.narvark.accounts;

/** A key with what the console shows beside it: active or not, and its rate-limit setting. */
public record KeyDetails(StoredKey key, boolean active, KeyRateLimit rateLimit) {
}
