package com.narvark.otp.delivery.smpp;

import com.narvark.otp.delivery.sms.SmsText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parts of a concatenated SMS as {@code short_message} octets: each starts with a user data header (3GPP TS
 * 23.040 §9.2.3.24.1: length 05, IEI 00 "concatenated, 8-bit reference", 03, reference, total, sequence) and is sent
 * with {@code esm_class} 0x40 (UDHI). All parts of one text share a reference, so the handset can put them together.
 */
final class SmppParts {

    static final int UDH_INDICATOR = 0x40;
    /** The header counts parts in one octet. */
    static final int MAX_PARTS = 255;

    private final AtomicInteger references;

    /** Starts anywhere, so a restarted node does not reuse the references its last parts had. */
    SmppParts(Random random) {
        this.references = new AtomicInteger(random.nextInt(256));
    }

    List<byte[]> withHeaders(SmsText text) {
        List<byte[]> pieces = text.encodedPieces();
        byte reference = (byte) references.getAndIncrement();
        List<byte[]> parts = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            byte[] piece = pieces.get(i);
            byte[] part = new byte[6 + piece.length];
            part[0] = 0x05;
            part[1] = 0x00;
            part[2] = 0x03;
            part[3] = reference;
            part[4] = (byte) pieces.size();
            part[5] = (byte) (i + 1);
            System.arraycopy(piece, 0, part, 6, piece.length);
            parts.add(part);
        }
        return parts;
    }
}
