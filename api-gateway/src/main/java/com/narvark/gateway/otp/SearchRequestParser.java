package com.narvark.gateway.otp;

import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.query.FindOtpsQuery;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/** Reads the query string of {@code GET /v1/otp} into a search scoped to the caller. */
final class SearchRequestParser {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    private static final int MAX_METADATA_FILTERS = 10;
    private static final Pattern METADATA = Pattern.compile("metadata\\[([A-Za-z0-9_.-]{1,40})]");
    private static final Pattern UNENCODED_PLUS = Pattern.compile(" [0-9]{6,15}");

    private SearchRequestParser() {
    }

    static FindOtpsQuery parse(Caller caller, MultiValueMap<String, String> raw) {
        QueryParameters params = new QueryParameters(raw, name -> name.startsWith("metadata"), "status", "channel",
                "to", "created_after", "created_before", "limit", "starting_after");
        OtpStatus status = params.string("status").map(SearchRequestParser::status).orElse(null);
        Channel channel = params.string("channel").map(name -> Channel.fromWireName(name).orElseThrow(
                () -> ApiException.invalid("channel", "channel must be one of whatsapp, sms, email, voice")))
                .orElse(null);
        String to = params.string("to").map(SearchRequestParser::to).orElse(null);
        Instant after = params.instant("created_after").orElse(null);
        Instant before = params.instant("created_before").orElse(null);
        String cursor = params.string("starting_after").orElse(null);
        if (cursor != null && !OtpId.isWellFormed(cursor)) {
            throw ApiException.invalid("starting_after", "starting_after must be an OTP id (otp_…)");
        }
        int limit = params.integer("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
        return new FindOtpsQuery(caller.accountId(), caller.livemode(), status, channel, to, after, before,
                metadata(params), cursor, limit);
    }

    private static OtpStatus status(String name) {
        return Arrays.stream(OtpStatus.values()).filter(s -> s.wireName().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.invalid("status", "status must be one of pending, dispatched, "
                        + "delivered, read, verified, expired, failed, locked"));
    }

    /** An unencoded {@code +} arrives as a space; a phone number can mean nothing else. */
    private static String to(String value) {
        String to = UNENCODED_PLUS.matcher(value).matches() ? "+" + value.substring(1) : value;
        if (to.isBlank() || to.length() > 320) {
            throw ApiException.invalid("to", "to must be 1 to 320 characters");
        }
        return to;
    }

    private static Map<String, String> metadata(QueryParameters params) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : params.names()) {
            if (!name.startsWith("metadata")) {
                continue;
            }
            Matcher key = METADATA.matcher(name);
            if (!key.matches()) {
                throw ApiException.invalid(name, "metadata filters look like metadata[key]=value, keys being 1 to "
                        + "40 of A-Z a-z 0-9 _ . -");
            }
            String value = params.required(name);
            if (value.length() > 500) {
                throw ApiException.invalid(name, name + " must be at most 500 characters");
            }
            filters.put(key.group(1), value);
        }
        if (filters.size() > MAX_METADATA_FILTERS) {
            throw ApiException.invalid("metadata", "at most " + MAX_METADATA_FILTERS + " metadata filters");
        }
        return filters;
    }
}
