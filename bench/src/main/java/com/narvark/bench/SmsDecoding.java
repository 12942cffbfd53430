package com.narvark.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the benchmark's SMSC reads a submit_sm as a handset would: data_coding 0x08 is UTF-16BE, 0x00 GSM 03.38
 * septets one per octet (escape 0x1B for the extension table), and concatenated parts (esm_class 0x40 with an
 * 8-bit-reference header) are held until the last one arrives. {@link #accept} answers the whole text, or null
 * while parts are missing.
 */
final class SmsDecoding {

    private static final String GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final Map<Integer, Character> EXTENSION = Map.of(0x0A, '\f', 0x14, '^', 0x28, '{', 0x29, '}',
            0x2F, '\\', 0x3C, '[', 0x3D, '~', 0x3E, ']', 0x40, '|', 0x65, '€');

    private final Map<String, TreeMap<Integer, byte[]>> pending = new ConcurrentHashMap<>();

    String accept(String destination, byte esmClass, byte dataCoding, byte[] shortMessage) {
        if ((esmClass & 0x40) == 0 || shortMessage.length < 6) {
            return decode(shortMessage, dataCoding);
        }
        int headerLength = (shortMessage[0] & 0xFF) + 1;
        byte[] userData = java.util.Arrays.copyOfRange(shortMessage, headerLength, shortMessage.length);
        String key = destination + "/" + (shortMessage[3] & 0xFF);
        TreeMap<Integer, byte[]> parts = pending.computeIfAbsent(key, k -> new TreeMap<>());
        synchronized (parts) {
            parts.put(shortMessage[5] & 0xFF, userData);
            if (parts.size() < (shortMessage[4] & 0xFF)) {
                return null;
            }
            pending.remove(key);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            parts.values().forEach(all::writeBytes);
            return decode(all.toByteArray(), dataCoding);
        }
    }

    private static String decode(byte[] octets, byte dataCoding) {
        if ((dataCoding & 0xFF) == 0x08) {
            return new String(octets, StandardCharsets.UTF_16BE);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < octets.length; i++) {
            int septet = octets[i] & 0x7F;
            text.append(septet == 0x1B && i + 1 < octets.length ? EXTENSION.getOrDefault(octets[++i] & 0x7F, ' ')
                    : GSM.charAt(septet));
        }
        return text.toString();
    }
}
