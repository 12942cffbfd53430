package com.narvark.otp.api.message;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * The payment a code approves (PSD2 dynamic linking): shown in the message and bound into the code's hash, so the
 * code approves this amount to this payee and nothing else. {@code amount} is a plain decimal with exactly the
 * currency's minor digits ("42.00" EUR, "4200" JPY), {@code currency} an ISO 4217 code; the gateway validated all
 * three, so equal transactions are equal records.
 */
public record OtpTransaction(String amount, String currency, String payee) {

    public OtpTransaction {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(payee, "payee");
    }

    /** The form bound into the code hash: unambiguous because no part holds a line feed (the gateway refuses one). */
    public String canonical() {
        return amount + "\n" + currency + "\n" + payee;
    }

    public BigDecimal decimalAmount() {
        return new BigDecimal(amount);
    }

    public Currency javaCurrency() {
        return Currency.getInstance(currency);
    }
}
