package com.narvark.otp.api.message;

/**
 * How an OTP's message reads: the {@code brand} it names, the supported {@code locale} it is written in, and the SMS
 * autofill lines, if any ({@code appHash} for Android's SMS Retriever, {@code webDomain} for WebOTP and iOS
 * domain-bound codes). Null in events stored before messages had them: such messages read in English and name
 * {@link #UNBRANDED}.
 */
public record MessageOptions(String brand, String locale, String appHash, String webDomain) {

    /** What a message names when its OTP was requested before accounts had display names. */
    public static final String UNBRANDED = "Narvark";

    public static final MessageOptions DEFAULT = new MessageOptions(UNBRANDED, MessageLocales.ENGLISH, null, null);

    /** Never null: the brand, or {@link #UNBRANDED} for an OTP stored before brands. */
    public String brandOrDefault() {
        return brand == null ? UNBRANDED : brand;
    }

    /** Never null: the locale, or English for an OTP stored before languages. */
    public String localeOrDefault() {
        return locale == null ? MessageLocales.ENGLISH : locale;
    }

    public static MessageOptions orDefault(MessageOptions options) {
        return options == null ? DEFAULT : options;
    }
}
