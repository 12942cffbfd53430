package com.narvark.otp.delivery.text;

import com.narvark.otp.api.message.MessageOptions;

/**
 * The SMS lines that let a device fill the code in by itself. Android's SMS Retriever wants the app's 11-character
 * hash at the end of the message; WebOTP and iOS domain-bound codes want the last line to be exactly
 * {@code @domain #code}. A blank line keeps either apart from the text. A send gives one or the other, never both
 * (the gateway refuses that: only one line can be last).
 */
final class Autofill {

    private Autofill() {
    }

    static String append(String text, String code, MessageOptions message) {
        if (message.appHash() != null) {
            return text + "\n\n" + message.appHash();
        }
        if (message.webDomain() != null) {
            return text + "\n\n@" + message.webDomain() + " #" + code;
        }
        return text;
    }
}
