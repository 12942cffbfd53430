package com.narvark.gateway.otp;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Set;

/** Validates {@code to} for a channel and normalises it: E.164 for phones, a lower-case domain for emails. */
final class DestinationParser {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<PhoneNumberType> TEXTABLE = Set.of(PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.VOIP, PhoneNumberType.PAGER,
            PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.UNKNOWN);
    private static final int MAX_EMAIL_LENGTH = 254;

    private DestinationParser() {
    }

    static Destination parse(String to, Channel channel) {
        return channel == Channel.EMAIL ? email(to) : phone(to, channel);
    }

    /**
     * The phone number's region for the country allowlist: its ISO 3166-1 code in libphonenumber's numbering plan
     * (+44 7911… is GG), or {@code 001} for numbers of no country (+800 freephone, +881 satellite, +883
     * international networks), which no allowlist can name, so an allowlist refuses them. Null for email only.
     */
    static String countryOf(Destination to) {
        if (to.kind() != Destination.Kind.PHONE) {
            return null;
        }
        try {
            String region = PHONES.getRegionCodeForNumber(PHONES.parse(to.value(), "ZZ"));
            return region == null ? "ZZ" : region; // no plan claims it: unknown, refused by any allowlist
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not a parsed phone destination", e);
        }
    }

    private static Destination phone(String to, Channel channel) {
        if (!to.startsWith("+") || to.length() > 32) {
            throw ApiException.invalid("to", channel.wireName()
                    + " needs a phone number in E.164 format, e.g. +447911123456");
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(to, "ZZ");
        } catch (NumberParseException e) {
            throw ApiException.invalid("to", "to is not a phone number in E.164 format");
        }
        if (!PHONES.isValidNumber(number)) {
            throw ApiException.invalid("to", "to is not a valid phone number");
        }
        if (channel != Channel.VOICE && !TEXTABLE.contains(PHONES.getNumberType(number))) {
            throw ApiException.invalid("to", "to cannot receive " + channel.wireName()
                    + " messages (it is not a mobile number); use voice");
        }
        return new Destination(Destination.Kind.PHONE, PHONES.format(number, PhoneNumberFormat.E164));
    }

    private static Destination email(String to) {
        String trimmed = to.strip();
        int at = trimmed.lastIndexOf('@');
        if (trimmed.length() > MAX_EMAIL_LENGTH || at < 1 || trimmed.indexOf('.', at) < 0) {
            throw ApiException.invalid("to", "email needs an email address, e.g. jane@example.com");
        }
        try {
            InternetAddress address = new InternetAddress(trimmed, true);
            address.validate();
            if (!trimmed.equals(address.getAddress())) {
                throw ApiException.invalid("to", "to must be a bare email address, without a display name");
            }
        } catch (AddressException e) {
            throw ApiException.invalid("to", "to is not a valid email address");
        }
        return new Destination(Destination.Kind.EMAIL,
                trimmed.substring(0, at) + trimmed.substring(at).toLowerCase(Locale.ROOT));
    }
}
