package com.narvark.otp.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.query.DeliveryAttemptView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code otp_status.delivery_attempts}: the attempts as a JSON array, read back field by field. */
final class DeliveryAttemptsJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() { };

    private DeliveryAttemptsJson() {
    }

    static String write(List<DeliveryAttemptView> attempts) {
        List<Map<String, Object>> rows = attempts.stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("attempt", a.attempt());
            row.put("channel", a.channel().wireName());
            row.put("status", a.status());
            row.put("parts", a.parts());
            row.put("encoding", a.encoding());
            row.put("failure_reason", a.failureReason());
            row.put("carrier_error", a.carrierError());
            return row;
        }).toList();
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("delivery attempts are not serialisable", e);
        }
    }

    static List<DeliveryAttemptView> read(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, ROWS).stream().map(row -> new DeliveryAttemptView(
                    ((Number) row.get("attempt")).intValue(),
                    Channel.fromWireName((String) row.get("channel")).orElseThrow(),
                    (String) row.get("status"), ((Number) row.get("parts")).intValue(),
                    (String) row.get("encoding"), (String) row.get("failure_reason"),
                    (String) row.get("carrier_error"))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("otp_status.delivery_attempts is not a JSON array of attempts", e);
        }
    }
}
