package com.narvark.portal;

import com.narvark.accounts.NewAccessRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The access form as submitted, and its validation: field id → message, in the form's order. */
record AccessRequestForm(String name, String company, String email, String volume, List<String> channels,
                         String useCase) {

    static final Map<String, String> VOLUMES = volumes();
    static final List<String> CHANNELS = List.of("whatsapp", "sms", "email", "voice");
    static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    static AccessRequestForm of(String name, String company, String email, String volume, List<String> channels,
                                String useCase) {
        return new AccessRequestForm(strip(name), strip(company), strip(email).toLowerCase(Locale.ROOT),
                strip(volume), channels == null ? List.of() : channels.stream().distinct().toList(), strip(useCase));
    }

    static AccessRequestForm empty() {
        return new AccessRequestForm("", "", "", "", List.of(), "");
    }

    /** The request to record, once {@link #errors()} found nothing. */
    NewAccessRequest toRequest() {
        return new NewAccessRequest(name, company, email, volume, channels, useCase);
    }

    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isEmpty() || name.length() > 200) {
            errors.put("name", "Enter your name (at most 200 characters)");
        }
        if (company.isEmpty() || company.length() > 200) {
            errors.put("company", "Enter your company (at most 200 characters)");
        }
        if (!isEmail(email)) {
            errors.put("email", "Enter your work email address, like jane@example.com");
        }
        if (!VOLUMES.containsKey(volume)) {
            errors.put("volume", "Choose your expected monthly volume");
        }
        if (channels.isEmpty() || !CHANNELS.containsAll(channels)) {
            errors.put("channel-whatsapp", "Choose at least one channel");
        }
        if (useCase.length() < 10 || useCase.length() > 2000) {
            errors.put("use_case", "Describe your use case in 10 to 2,000 characters");
        }
        return errors;
    }

    static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL.matcher(value).matches();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static Map<String, String> volumes() {
        Map<String, String> volumes = new LinkedHashMap<>();
        volumes.put("under_10k", "Fewer than 10,000 OTPs");
        volumes.put("10k_100k", "10,000 to 100,000 OTPs");
        volumes.put("100k_1m", "100,000 to 1 million OTPs");
        volumes.put("over_1m", "More than 1 million OTPs");
        return volumes;
    }
}
