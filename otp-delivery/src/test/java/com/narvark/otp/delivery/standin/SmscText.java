package com.narvark.otp.delivery.standin;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How a handset reads {@code short_message} octets, written apart from the code under test so that it checks it:
 * the user data header is skipped when {@code esm_class} has UDHI (0x40), {@code data_coding} 0x08 is UTF-16BE, and
 * 0x00 is GSM 03.38 septets one per octet (SMPP's unpacked default alphabet), the escape 0x1B selecting the
 * extension table.
 */
public final class SmscText {

    /** GSM 03.38 default alphabet, septet 0x00 first; '\u001B' marks the escape. */
    private static final String DEFAULT_ALPHABET = "@\u00A3$\u00A5\u00E8\u00E9\u00F9\u00EC\u00F2\u00C7\n\u00D8\u00F8\r"
            + "\u00C5\u00E5\u0394_\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E\u001B\u00C6\u00E6\u00DF\u00C9"
            + " !\"#\u00A4%&'()*+,-./0123456789:;<=>?\u00A1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00C4\u00D6\u00D1\u00DC\u00A7"
            + "\u00BFabcdefghijklmnopqrstuvwxyz\u00E4\u00F6\u00F1\u00FC\u00E0";

    private SmscText() {
    }

    /** The user data of one submit_sm: {@code short_message} without its header, if it has one. */
    public static byte[] userData(byte[] shortMessage, byte esmClass) {
        if ((esmClass & 0x40) == 0 || shortMessage.length == 0) {
            return shortMessage;
        }
        int headerLength = (shortMessage[0] & 0xFF) + 1;
        byte[] data = new byte[shortMessage.length - headerLength];
        System.arraycopy(shortMessage, headerLength, data, 0, data.length);
        return data;
    }

    /** {reference, total, sequence} of a concatenation header (IEI 0x00), or null when the message is whole. */
    public static int[] concatenation(byte[] shortMessage, byte esmClass) {
        if ((esmClass & 0x40) == 0 || shortMessage.length < 6 || shortMessage[1] != 0x00) {
            return null;
        }
        return new int[] {shortMessage[3] & 0xFF, shortMessage[4] & 0xFF, shortMessage[5] & 0xFF};
    }

    /**
     * The text of a message from its parts' user data, in order. Each part is decoded on its own and strictly, as a
     * handset showing one part would: a part ending inside an escape sequence or a surrogate pair is an error.
     */
    public static String decode(List<byte[]> parts, byte dataCoding) {
        StringBuilder text = new StringBuilder();
        for (byte[] part : parts) {
            text.append(decodePart(part, dataCoding));
        }
        return text.toString();
    }

    private static String decodePart(byte[] octets, byte dataCoding) {
        if ((dataCoding & 0xFF) == 0x08) {
            try {
                return StandardCharsets.UTF_16BE.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(octets)).toString();
            } catch (CharacterCodingException brokenPair) {
                throw new IllegalArgumentException("a UCS-2 part splits a surrogate pair", brokenPair);
            }
        }
        if ((dataCoding & 0xFF) != 0x00) {
            throw new IllegalArgumentException("unexpected data_coding 0x" + Integer.toHexString(dataCoding & 0xFF));
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < octets.length; i++) {
            int septet = octets[i];
            if (septet < 0) {
                throw new IllegalArgumentException("octet above 0x7F in unpacked GSM-7");
            }
            if (septet == 0x1B && i + 1 == octets.length) {
                throw new IllegalArgumentException("a GSM-7 part ends inside an escape sequence");
            }
            text.append(septet == 0x1B ? extension(octets[++i]) : DEFAULT_ALPHABET.charAt(septet));
        }
        return text.toString();
    }

    private static char extension(int septet) {
        return switch (septet) {
            case 0x0A -> '\f';
            case 0x14 -> '^';
            case 0x28 -> '{';
            case 0x29 -> '}';
            case 0x2F -> '\\';
            case 0x3C -> '[';
            case 0x3D -> '~';
            case 0x3E -> ']';
            case 0x40 -> '|';
            case 0x65 -> '\u20AC';
            default -> throw new IllegalArgumentException("no extension character 0x" + Integer.toHexString(septet));
        };
    }
}
