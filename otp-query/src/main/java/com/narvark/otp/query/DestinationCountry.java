package com.narvark.otp.query;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.narvark.otp.api.Destination;

/** The ISO 3166-1 alpha-2 country of a phone destination; email addresses have none. */
final class DestinationCountry {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** libphonenumber's answers for unknown regions and for numbers of no country (e.g. +800 freephone). */
    private static final String UNKNOWN = "ZZ";
    private static final String NON_GEOGRAPHIC = "001";

    private DestinationCountry() {
    }

    /**
     * The region whose numbering plan holds the number (+44 7911… is Guernsey, not the UK). A number no plan knows
     * (a reserved range, a brand-new block) counts for the main country of its calling code. Null for email and
     * for numbers of no country.
     */
    static String of(Destination destination) {
        if (destination.kind() != Destination.Kind.PHONE) {
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(destination.value(), null);
            String region = PHONES.getRegionCodeForNumber(number);
            if (region == null) {
                region = PHONES.getRegionCodeForCountryCode(number.getCountryCode());
            }
            return UNKNOWN.equals(region) || NON_GEOGRAPHIC.equals(region) ? null : region;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
