package com.narvark.otp.api.command;

/** What to answer the carrier: 200 with an optional body (the WhatsApp challenge), 401/403 for forgeries. */
public record CarrierCallbackResult(int httpStatus, String body) {

    public static CarrierCallbackResult ok() {
        return new CarrierCallbackResult(200, "");
    }
}
