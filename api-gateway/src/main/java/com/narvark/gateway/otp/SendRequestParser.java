package com.narvark.gateway.otp;

import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.message.OtpTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Every rule of the send contract (README, API); the first broken rule is reported with its parameter. */
final class SendRequestParser {

    static final int DEFAULT_TTL = 300;
    static final int DEFAULT_CODE_LENGTH = 6;
    static final String DEFAULT_TEMPLATE = "otp_verification";
    private static final int MAX_METADATA_KEYS = 10;
    private static final int MAX_METADATA_VALUE = 500;
    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]{1,512}");

    private SendRequestParser() {
    }

    static SendRequest parse(Map<String, Object> body) {
        JsonFields fields = new JsonFields(body, "to", "channel", "ttl", "fallback", "code_length", "template",
                "metadata", "max_attempts", "brand", "locale", "app_hash", "web_domain", "transaction");
        Channel channel = channel(fields.requiredString("channel"), "channel");
        Destination to = DestinationParser.parse(fields.requiredString("to"), channel);
        List<Channel> fallback = fallback(fields, channel, to);
        int ttl = fields.optionalInt("ttl", 60, 86_400).orElse(DEFAULT_TTL);
        int codeLength = fields.optionalInt("code_length", Integer.MIN_VALUE, Integer.MAX_VALUE)
                .orElse(DEFAULT_CODE_LENGTH);
        if (codeLength != 4 && codeLength != 6 && codeLength != 8) {
            throw ApiException.invalid("code_length", "code_length must be 4, 6 or 8");
        }
        String template = template(fields, channel, fallback);
        Map<String, String> metadata = metadata(fields);
        Integer maxAttempts = fields.optionalInt("max_attempts", 1, 10).orElse(null);
        MessageRequestParser.MessageFields message = MessageRequestParser.parse(fields, channel, fallback);
        OtpTransaction transaction = TransactionParser.parse(fields).orElse(null);
        if (transaction != null && (channel == Channel.WHATSAPP || fallback.contains(Channel.WHATSAPP))) {
            // PSD2 has the payer see amount and payee; a WhatsApp authentication template cannot show them.
            throw ApiException.invalid("transaction", "transaction cannot be shown by a WhatsApp authentication "
                    + "template: use sms, email or voice (channel and fallback)");
        }
        return new SendRequest(to, channel, fallback, ttl, codeLength, template, metadata, maxAttempts, message,
                transaction);
    }

    private static Channel channel(String wireName, String param) {
        return Channel.fromWireName(wireName).orElseThrow(() -> ApiException.invalid(param,
                param + " must be one of whatsapp, sms, email, voice"));
    }

    /** A single channel or an ordered list of up to three, each different and able to reach {@code to}. */
    private static List<Channel> fallback(JsonFields fields, Channel primary, Destination to) {
        Object raw = fields.raw("fallback").orElse(List.of());
        List<?> names = raw instanceof List<?> list ? list : List.of(raw);
        if (names.size() > 3) {
            throw ApiException.invalid("fallback", "fallback takes at most 3 channels");
        }
        List<Channel> fallback = new ArrayList<>();
        for (Object name : names) {
            if (!(name instanceof String wireName)) {
                throw ApiException.invalid("fallback", "fallback must be a channel name or a list of them");
            }
            Channel channel = channel(wireName, "fallback");
            if (channel == primary || fallback.contains(channel)) {
                throw ApiException.invalid("fallback", "fallback channels must differ from each other and from "
                        + "channel");
            }
            if (!channel.accepts(to)) {
                throw ApiException.invalid("fallback", "fallback " + wireName + " cannot reach " + to.kind()
                        .name().toLowerCase() + " destination to");
            }
            fallback.add(channel);
        }
        return List.copyOf(fallback);
    }

    private static String template(JsonFields fields, Channel channel, List<Channel> fallback) {
        boolean whatsapp = channel == Channel.WHATSAPP || fallback.contains(Channel.WHATSAPP);
        String template = fields.optionalString("template").orElse(null);
        if (template == null) {
            return whatsapp ? DEFAULT_TEMPLATE : null;
        }
        if (!whatsapp) {
            throw ApiException.invalid("template", "template applies to whatsapp only");
        }
        if (!TEMPLATE_NAME.matcher(template).matches()) {
            throw ApiException.invalid("template", "template must be a WhatsApp template name ([a-z0-9_])");
        }
        return template;
    }

    private static Map<String, String> metadata(JsonFields fields) {
        Object raw = fields.raw("metadata").orElse(Map.of());
        if (!(raw instanceof Map<?, ?> map)) {
            throw ApiException.invalid("metadata", "metadata must be an object of strings");
        }
        if (map.size() > MAX_METADATA_KEYS) {
            throw ApiException.invalid("metadata", "metadata takes at most " + MAX_METADATA_KEYS + " keys");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = (String) entry.getKey();
            if (!METADATA_KEY.matcher(key).matches()) {
                throw ApiException.invalid("metadata", "metadata keys are 1 to 40 of A-Z a-z 0-9 _ . -");
            }
            if (!(entry.getValue() instanceof String value) || value.length() > MAX_METADATA_VALUE) {
                throw ApiException.invalid("metadata", "metadata." + key + " must be a string of at most "
                        + MAX_METADATA_VALUE + " characters");
            }
            metadata.put(key, value);
        }
        return metadata;
    }
}
