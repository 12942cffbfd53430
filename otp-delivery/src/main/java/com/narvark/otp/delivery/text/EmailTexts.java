package com.narvark.otp.delivery.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two bodies of an email OTP, from the same texts: plain, and HTML from {@code templates/otp-email.html} with
 * the language's {@code lang} and {@code dir}. Brands and payees are the customer's words: escaped in HTML.
 */
final class EmailTexts {

    private static final String TEMPLATE = load();

    private EmailTexts() {
    }

    static String plain(MessageBundle bundle, Map<String, String> values, boolean withTransaction) {
        StringBuilder text = new StringBuilder()
                .append(bundle.fill("email.intro", values)).append("\n\n")
                .append(values.get("code")).append("\n\n");
        if (withTransaction) {
            text.append(bundle.fill("email.transaction", values)).append("\n\n");
        }
        return text.append(bundle.fill("email.expires", values)).append("\n\n")
                .append(bundle.fill("email.ignore", values)).toString();
    }

    static String html(MessageBundle bundle, Map<String, String> values, boolean withTransaction) {
        Map<String, String> escaped = values.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> escape(e.getValue())));
        String transaction = withTransaction
                ? "<p><strong>" + bundle.fill("email.transaction", escaped) + "</strong></p>" : "";
        Map<String, String> parts = new HashMap<>();
        parts.put("lang", bundle.tag());
        parts.put("dir", bundle.rightToLeft() ? "rtl" : "ltr");
        parts.put("subject", bundle.fill("email.subject", escaped));
        parts.put("intro", bundle.fill("email.intro", escaped));
        parts.put("code", escaped.get("code"));
        parts.put("transaction", transaction);
        parts.put("expires", bundle.fill("email.expires", escaped));
        parts.put("ignore", bundle.fill("email.ignore", escaped));
        return MessageBundle.substitute("templates/otp-email.html", TEMPLATE, parts);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String load() {
        try (InputStream in = EmailTexts.class.getResourceAsStream("/templates/otp-email.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
