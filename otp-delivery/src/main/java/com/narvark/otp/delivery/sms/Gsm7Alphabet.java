package com.narvark.otp.delivery.sms;

import java.util.HashMap;
import java.util.Map;

/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, as septet values. Many of its characters
 * sit at other positions than in ASCII ({@code @} is 0x00, {@code _} is 0x11, {@code $} is 0x02), so text is mapped
 * through this table, never through an ASCII charset. An extension character costs two septets: the escape 0x1B,
 * then its value in the extension table.
 */
public final class Gsm7Alphabet {

    public static final int ESCAPE = 0x1B;

    /** Septets 0x00 to 0x7F; the escape position holds a placeholder that no text contains. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table: character, then its septet after the escape. Form feed is a page break. */
    private static final Object[][] EXTENSION = {
            {'\f', 0x0A}, {'^', 0x14}, {'{', 0x28}, {'}', 0x29}, {'\\', 0x2F}, {'[', 0x3C}, {'~', 0x3D}, {']', 0x3E},
            {'|', 0x40}, {'€', 0x65}};

    private static final Map<Character, Integer> BASIC_SEPTETS = new HashMap<>();
    private static final Map<Character, Integer> EXTENSION_SEPTETS = new HashMap<>();

    static {
        for (int septet = 0; septet < BASIC.length(); septet++) {
            if (septet != ESCAPE) {
                BASIC_SEPTETS.put(BASIC.charAt(septet), septet);
            }
        }
        for (Object[] entry : EXTENSION) {
            EXTENSION_SEPTETS.put((Character) entry[0], (Integer) entry[1]);
        }
    }

    private Gsm7Alphabet() {
    }

    /** True when every character of {@code text} is in the default alphabet or its extension table. */
    public static boolean canEncode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** 1 for a character of the default alphabet, 2 for one of the extension table, 0 for any other. */
    public static int septets(char c) {
        if (BASIC_SEPTETS.containsKey(c)) {
            return 1;
        }
        return EXTENSION_SEPTETS.containsKey(c) ? 2 : 0;
    }

    /** The septets of {@code text}, one per octet (SMPP's unpacked form); the text must be {@link #canEncode}. */
    public static byte[] encode(String text) {
        byte[] out = new byte[septetLength(text)];
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer basic = BASIC_SEPTETS.get(c);
            if (basic != null) {
                out[at++] = basic.byteValue();
            } else {
                Integer extended = EXTENSION_SEPTETS.get(c);
                if (extended == null) {
                    throw new IllegalArgumentException(String.format("not in the GSM 03.38 alphabet: U+%04X",
                            (int) c));
                }
                out[at++] = ESCAPE;
                out[at++] = extended.byteValue();
            }
        }
        return out;
    }

    public static int septetLength(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += Math.max(1, septets(text.charAt(i)));
        }
        return septets;
    }
}
