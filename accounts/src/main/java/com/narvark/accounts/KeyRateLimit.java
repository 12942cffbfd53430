package com.narvark.accounts;

/** A key's own rate-limit setting: {@code perMinute} null means the configured default. */
public record KeyRateLimit(Integer perMinute, boolean unlimited) {
}
