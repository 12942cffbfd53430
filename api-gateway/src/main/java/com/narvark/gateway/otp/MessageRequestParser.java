package com.narvark.gateway.otp;

import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.message.BrandName;
import com.narvark.gateway.message.LocaleTags;
import com.narvark.otp.api.Channel;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The send fields that shape the message: {@code brand}, {@code locale} and the SMS autofill lines
 * ({@code app_hash}, {@code web_domain}). Autofill lines exist in SMS only, and only one can be the last line.
 */
final class MessageRequestParser {

    /** Android's SMS Retriever hash: 11 characters of base64 (Google's example: FA+9qCX9VSu). */
    private static final Pattern APP_HASH = Pattern.compile("[A-Za-z0-9+/]{11}");
    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_HOST = 253;

    private MessageRequestParser() {
    }

    record MessageFields(String brand, String locale, String appHash, String webDomain) {
    }

    static MessageFields parse(JsonFields fields, Channel channel, List<Channel> fallback) {
        String brand = fields.optionalString("brand")
                .map(raw -> BrandName.validate("brand", raw, BrandName.MAX_BRAND)).orElse(null);
        String locale = fields.optionalString("locale")
                .map(raw -> LocaleTags.nearestSupported("locale", raw)).orElse(null);
        boolean sms = channel == Channel.SMS || fallback.contains(Channel.SMS);
        String appHash = fields.optionalString("app_hash").orElse(null);
        if (appHash != null) {
            smsOnly("app_hash", sms);
            if (!APP_HASH.matcher(appHash).matches()) {
                throw ApiException.invalid("app_hash", "app_hash must be the 11-character SMS Retriever hash of "
                        + "your Android app ([A-Za-z0-9+/])");
            }
        }
        String webDomain = fields.optionalString("web_domain").orElse(null);
        if (webDomain != null) {
            smsOnly("web_domain", sms);
            if (!hostName(webDomain)) {
                throw ApiException.invalid("web_domain", "web_domain must be a lower-case host name, e.g. "
                        + "example.com, without scheme, port or path");
            }
            if (appHash != null) {
                throw ApiException.invalid("web_domain", "give app_hash or web_domain, not both: each must be the "
                        + "last line of the SMS");
            }
        }
        return new MessageFields(brand, locale, appHash, webDomain);
    }

    private static void smsOnly(String param, boolean sms) {
        if (!sms) {
            throw ApiException.invalid(param, param + " applies to sms only (channel or fallback)");
        }
    }

    /** Two or more DNS labels, lower case (WebOTP compares the origin's host exactly), not an IP address. */
    static boolean hostName(String host) {
        if (host.length() > MAX_HOST || host.startsWith(".") || host.endsWith(".")) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2 || labels[labels.length - 1].matches("[0-9]+")) {
            return false;
        }
        for (String label : labels) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
