package com.narvark.gateway.otp;

import com.narvark.gateway.error.ApiException;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Strict reading of a JSON object body: unknown fields are refused (a typo must not silently fall back to a
 * default), and every type mismatch names its field. A JSON {@code null} counts as absent.
 */
public final class JsonFields {

    private final Map<String, Object> body;

    public JsonFields(Map<String, Object> body, String... allowed) {
        if (body == null) {
            throw ApiException.invalid(null, "the request body must be a JSON object");
        }
        Set<String> known = Set.of(allowed);
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                throw ApiException.invalid(field, "unknown parameter: " + field);
            }
        }
        this.body = body;
    }

    public Optional<Object> raw(String field) {
        return Optional.ofNullable(body.get(field));
    }

    public String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> ApiException.invalid(field, field + " is required"));
    }

    public Optional<String> optionalString(String field) {
        return raw(field).map(value -> {
            if (value instanceof String string) {
                return string;
            }
            throw ApiException.invalid(field, field + " must be a string");
        });
    }

    /** An integer within [min, max]; 300.0, "300" and true are refused. */
    public Optional<Integer> optionalInt(String field, int min, int max) {
        return raw(field).map(value -> {
            if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
                throw ApiException.invalid(field, field + " must be an integer");
            }
            BigInteger number = new BigInteger(value.toString());
            if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
                throw ApiException.invalid(field, field + " must be between " + min + " and " + max);
            }
            return number.intValue();
        });
    }
}
