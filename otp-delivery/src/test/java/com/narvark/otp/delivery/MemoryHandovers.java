package com.narvark.otp.delivery;

import java.util.HashMap;
import java.util.Map;

/** {@link CarrierHandovers} in memory, with the table's rule: an attempt is marked once, and only a later one after. */
final class MemoryHandovers implements CarrierHandovers {

    private final Map<String, Integer> marked = new HashMap<>();

    @Override
    public synchronized boolean begin(String otpId, int attempt) {
        Integer last = marked.get(otpId);
        if (last != null && last >= attempt) {
            return false;
        }
        marked.put(otpId, attempt);
        return true;
    }

    @Override
    public synchronized boolean begun(String otpId, int attempt) {
        return Integer.valueOf(attempt).equals(marked.get(otpId));
    }
}
