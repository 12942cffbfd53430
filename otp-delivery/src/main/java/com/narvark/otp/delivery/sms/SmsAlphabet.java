package com.narvark.otp.delivery.sms;

import java.util.Locale;

/**
 * The two alphabets an SMS goes out in, with their SMPP {@code data_coding} (no message class: a class 1 "store on
 * the handset" hint makes some handsets file the code away instead of showing it) and their lengths: characters in
 * one message, and per part of a concatenated message once the 6-octet user data header takes its room.
 */
public enum SmsAlphabet {
    /** GSM 03.38, counted in septets (an extension character is two); SMPP sends it unpacked, a septet per octet. */
    GSM7((byte) 0x00, 160, 153),
    /** UCS-2 (UTF-16BE on the wire), counted in 16-bit units: an emoji outside the BMP is two. */
    UCS2((byte) 0x08, 70, 67);

    private final byte dataCoding;
    private final int singleLimit;
    private final int partLimit;

    SmsAlphabet(byte dataCoding, int singleLimit, int partLimit) {
        this.dataCoding = dataCoding;
        this.singleLimit = singleLimit;
        this.partLimit = partLimit;
    }

    public byte dataCoding() {
        return dataCoding;
    }

    public int singleLimit() {
        return singleLimit;
    }

    public int partLimit() {
        return partLimit;
    }

    /** {@code gsm7} or {@code ucs2}, as the status and the history show it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SmsAlphabet of(String text) {
        return Gsm7Alphabet.canEncode(text) ? GSM7 : UCS2;
    }
}
