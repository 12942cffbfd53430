package com.narvark.gateway.otp;

import com.narvark.accounts.MessageSettings;
import com.narvark.otp.api.message.MessageLocales;
import com.narvark.otp.api.message.MessageOptions;

/**
 * How one send's message reads. The brand: the send's, else the account's display name. The language: the send's
 * {@code locale} (already mapped onto a written one), else the phone number's country where one language is clear
 * (a Spanish number reads Spanish), else the account's default language.
 */
final class MessageChoice {

    private MessageChoice() {
    }

    static MessageOptions of(SendRequest request, String country, MessageSettings.Settings account) {
        MessageRequestParser.MessageFields asked = request.message();
        String brand = asked.brand() != null ? asked.brand() : account.brand();
        String locale = asked.locale() != null ? asked.locale()
                : MessageLocales.forCountry(country).orElse(account.defaultLocale());
        return new MessageOptions(brand, locale, asked.appHash(), asked.webDomain());
    }
}
