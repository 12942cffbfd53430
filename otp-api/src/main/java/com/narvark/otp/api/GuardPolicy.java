package com.narvark.otp.api;

import java.util.Set;

/**
 * An account's fraud-guard settings, carried by the commands that need them. An empty allowlist allows every
 * country; in monitor-only mode the guards record what they would have blocked and block nothing.
 */
public record GuardPolicy(Set<String> allowedCountries, boolean monitorOnly) {

    public static final GuardPolicy DEFAULT = new GuardPolicy(Set.of(), false);

    public GuardPolicy {
        allowedCountries = Set.copyOf(allowedCountries);
    }

    /** {@code regionCode} is null only where no country applies (email); a phone always has one. */
    public boolean allowsCountry(String regionCode) {
        return allowedCountries.isEmpty() || regionCode == null || allowedCountries.contains(regionCode);
    }
}
