package com.narvark.gateway.otp;

import com.narvark.gateway.error.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.util.MultiValueMap;

/**
 * Strict reading of query parameters, the counterpart of {@link JsonFields}: unknown and repeated parameters are
 * refused, and every malformed value names its parameter.
 */
public final class QueryParameters {

    private final MultiValueMap<String, String> params;

    /** {@code known} holds exact names; {@code dynamic} accepts families such as {@code metadata[key]}. */
    public QueryParameters(MultiValueMap<String, String> params, Predicate<String> dynamic, String... known) {
        Set<String> names = Set.of(known);
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (!names.contains(param.getKey()) && !dynamic.test(param.getKey())) {
                throw ApiException.invalid(param.getKey(), "unknown parameter: " + param.getKey());
            }
            if (param.getValue().size() > 1) {
                throw ApiException.invalid(param.getKey(), param.getKey() + " may be given only once");
            }
        }
        this.params = params;
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(params.getFirst(name));
    }

    public String required(String name) {
        return string(name).orElseThrow(() -> ApiException.invalid(name, name + " is required"));
    }

    public Optional<Integer> integer(String name, int min, int max) {
        return string(name).map(value -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // answered below, like an out-of-range number
            }
            throw ApiException.invalid(name, name + " must be an integer between " + min + " and " + max);
        });
    }

    /** An ISO-8601 instant, with {@code Z} or an offset: {@code 2026-11-25T10:00:00Z}. */
    public Optional<Instant> instant(String name) {
        return string(name).map(value -> {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(name, name + " must be an ISO-8601 time such as 2026-11-25T10:00:00Z");
            }
        });
    }

    public Optional<LocalDate> date(String name) {
        return string(name).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(name, name + " must be a date such as 2026-11-25");
            }
        });
    }

    public Set<String> names() {
        return params.keySet();
    }
}
