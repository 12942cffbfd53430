package com.narvark.gateway.contract;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract check for requests written byte for byte on a socket. Those are hostile by construction (raw control
 * characters, {@code ..} segments, endless uploads), so only the answer is checked: it must still be one the
 * document describes, an error envelope under {@code /v1/} included.
 */
public final class RawAnswers {

    private RawAnswers() {
    }

    /** {@code head} is the answer's status line and headers as received; status 0 (no answer) checks nothing. */
    public static void verify(String method, String target, Map<String, String> requestHeaders, String requestBody,
            int status, String head, String body) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        requestHeaders.forEach((name, value) -> sent.put(name, List.of(value)));
        ContractCheck.shared().verify(new Exchange(method, uri(target), sent, requestBody, status, headers(head),
                body), false);
    }

    private static Map<String, List<String>> headers(String head) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** The target as a URI, its bytes that no URI may hold percent-encoded (they are what the test meant to send). */
    private static URI uri(String target) {
        StringBuilder safe = new StringBuilder();
        for (byte b : target.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                safe.append('%').append(String.format("%02X", c));
            } else {
                safe.append((char) c);
            }
        }
        try {
            return URI.create(safe.toString());
        } catch (IllegalArgumentException stillNotAUri) {
            return URI.create("/" + safe.toString().replaceAll("[^A-Za-z0-9/._~-]", "_"));
        }
    }
}
