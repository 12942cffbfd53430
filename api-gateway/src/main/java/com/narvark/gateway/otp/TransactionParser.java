package com.narvark.gateway.otp;

import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.message.BrandName;
import com.narvark.otp.api.message.OtpTransaction;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code transaction} on send and verify: {@code {"amount": "42.00", "currency": "EUR", "payee": "ACME Shop"}}.
 * The amount is a decimal string (never a JSON number: 42.1 must not become 42.099999) with at most the currency's
 * minor digits; it is stored with exactly that many, so "42" and "42.00" EUR are the same transaction.
 */
final class TransactionParser {

    static final int MAX_PAYEE = 40;
    private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,14})(\\.[0-9]+)?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Set<String> FIELDS = Set.of("amount", "currency", "payee");

    private TransactionParser() {
    }

    static Optional<OtpTransaction> parse(JsonFields fields) {
        Object raw = fields.raw("transaction").orElse(null);
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw ApiException.invalid("transaction", "transaction must be an object with amount, currency and "
                    + "payee");
        }
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(key)) {
                throw ApiException.invalid("transaction." + key, "unknown parameter: transaction." + key);
            }
        }
        Currency currency = currency(string(map, "currency"));
        String amount = amount(string(map, "amount"), currency);
        String payee = BrandName.validate("transaction.payee", string(map, "payee"), MAX_PAYEE);
        return Optional.of(new OtpTransaction(amount, currency.getCurrencyCode(), payee));
    }

    private static Currency currency(String code) {
        Currency currency = null;
        if (CURRENCY_CODE.matcher(code).matches()) {
            try {
                currency = Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                currency = null;
            }
        }
        // Gold, SDRs and the like have no minor unit (-1): nothing a payment is shown in.
        if (currency == null || currency.getDefaultFractionDigits() < 0) {
            throw ApiException.invalid("transaction.currency", "transaction.currency must be an ISO 4217 currency "
                    + "code, e.g. EUR");
        }
        return currency;
    }

    private static String amount(String raw, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (!DECIMAL.matcher(raw).matches()) {
            throw ApiException.invalid("transaction.amount", "transaction.amount must be a decimal string, e.g. "
                    + "\"42.00\"");
        }
        BigDecimal amount = new BigDecimal(raw);
        if (amount.scale() > digits) {
            throw ApiException.invalid("transaction.amount", "transaction.amount has at most " + digits
                    + " decimal places in " + currency.getCurrencyCode());
        }
        if (amount.signum() <= 0) {
            throw ApiException.invalid("transaction.amount", "transaction.amount must be more than zero");
        }
        return amount.setScale(digits).toPlainString();
    }

    private static String string(Map<?, ?> map, String field) {
        Object value = map.get(field);
        if (value == null) {
            throw ApiException.invalid("transaction." + field, "transaction." + field + " is required");
        }
        if (!(value instanceof String string)) {
            throw ApiException.invalid("transaction." + field, "transaction." + field + " must be a string");
        }
        return string;
    }
}
