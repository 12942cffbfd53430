package com.narvark.otp.api;

import java.util.Locale;

/** How an SMPP {@code command_status} is written in a {@code carrier_error}: as the spec does, 0x and 8 hex digits. */
public final class SmppCodes {

    private SmppCodes() {
    }

    public static String hex(int commandStatus) {
        return String.format(Locale.ROOT, "0x%08X", commandStatus);
    }
}
