package com.narvark.otp.api.command;

import java.util.Map;

/**
 * A carrier's status callback exactly as it arrived (header names lower-cased, form or query parameters decoded),
 * for the delivery module to authenticate and apply. {@code url} is the public URL the carrier signed.
 */
public record HandleCarrierCallbackCommand(String carrier, String method, String url, Map<String, String> headers,
                                           Map<String, String> params, byte[] body) {
}
