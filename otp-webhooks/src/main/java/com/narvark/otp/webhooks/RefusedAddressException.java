package com.narvark.otp.webhooks;

/** A webhook URL or the address it leads to is not allowed (SSRF guard); the message is safe to record. */
final class RefusedAddressException extends Exception {

    RefusedAddressException(String message) {
        super(message, null, false, false);
    }
}
