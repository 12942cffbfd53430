package com.narvark.otp.delivery.sms;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text prepared for SMS: its alphabet, and the pieces it goes out as. A text within the single-message limit is
 * one piece; a longer one is cut into parts of at most 153 septets or 67 UCS-2 units. A cut never falls inside a
 * GSM escape sequence, a surrogate pair, or a character a reader sees as one (a letter and its combining marks), so
 * every part decodes and displays on its own.
 */
public record SmsText(String text, SmsAlphabet alphabet, List<String> pieces) {

    public static SmsText of(String text) {
        SmsAlphabet alphabet = SmsAlphabet.of(text);
        if (length(text, alphabet) <= alphabet.singleLimit()) {
            return new SmsText(text, alphabet, List.of(text));
        }
        return new SmsText(text, alphabet, List.copyOf(cut(text, alphabet)));
    }

    public int parts() {
        return pieces.size();
    }

    /** The whole text in the alphabet's octets (GSM-7 unpacked, or UTF-16BE), e.g. for {@code message_payload}. */
    public byte[] encoded() {
        return encode(text);
    }

    /** Each piece in the alphabet's octets, without a user data header. */
    public List<byte[]> encodedPieces() {
        return pieces.stream().map(this::encode).toList();
    }

    private byte[] encode(String piece) {
        return alphabet == SmsAlphabet.GSM7 ? Gsm7Alphabet.encode(piece) : piece.getBytes(StandardCharsets.UTF_16BE);
    }

    private static int length(String text, SmsAlphabet alphabet) {
        return alphabet == SmsAlphabet.GSM7 ? Gsm7Alphabet.septetLength(text) : text.length();
    }

    private static List<String> cut(String text, SmsAlphabet alphabet) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String unit : unbreakable(text, alphabet)) {
            if (part.length() > 0 && length(part + unit, alphabet) > alphabet.partLimit()) {
                parts.add(part.toString());
                part.setLength(0);
            }
            part.append(unit);
        }
        parts.add(part.toString());
        return parts;
    }

    /**
     * The text as pieces no cut may fall into: user-perceived characters, or code points where one such character
     * alone would not fit a part (GSM-7 characters, escape sequences included, are single chars already).
     */
    private static List<String> unbreakable(String text, SmsAlphabet alphabet) {
        List<String> units = new ArrayList<>();
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        for (int start = characters.first(), end = characters.next(); end != BreakIterator.DONE;
             start = end, end = characters.next()) {
            String cluster = text.substring(start, end);
            if (length(cluster, alphabet) <= alphabet.partLimit()) {
                units.add(cluster);
            } else {
                cluster.codePoints().forEach(cp -> units.add(new String(Character.toChars(cp))));
            }
        }
        return units;
    }
}
