package com.narvark.otp.delivery.text;

import com.narvark.otp.api.message.OtpTransaction;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** A transaction's amount as the message's language writes money: "€42.00", "42,00 €", "R$ 42,00", "¥4,200". */
final class Amounts {

    private Amounts() {
    }

    static String format(OtpTransaction transaction, Locale locale) {
        Currency currency = transaction.javaCurrency();
        NumberFormat format = NumberFormat.getCurrencyInstance(westernDigits(locale));
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        // No-break spaces (de, fr, ru…) have no GSM-7 character: a plain space keeps a Latin SMS in one 7-bit part.
        return format.format(transaction.decimalAmount()).replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    /** Arabic with Western digits, like the code beside it: two digit sets in one short message confuse readers. */
    private static Locale westernDigits(Locale locale) {
        return "ar".equals(locale.getLanguage())
                ? new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("nu", "latn").build() : locale;
    }
}
