package com.narvark.otp.delivery.standin;

import com.narvark.otp.delivery.standin.TestSmsc.Submitted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;

/**
 * The stand-in SMSC's handset side: whole messages are decoded at once, concatenated parts are held by destination
 * and reference until the last one arrives, and {@code message_payload} carries a whole long text in one PDU.
 */
final class Reassembly {

    /** ESME_RINVMSGLEN: the network could not carry the part as one SMS. */
    private static final int INVALID_MESSAGE_LENGTH = 0x01;
    private static final int TP_USER_DATA_BITS = 140 * 8;

    private record Part(String id, byte[] userData) {
    }

    private final Map<String, TreeMap<Integer, Part>> pending = new ConcurrentHashMap<>();

    Optional<Submitted> accept(String id, SubmitSm sm) throws ProcessRequestException {
        byte dataCoding = sm.getDataCoding();
        OptionalParameter payload = sm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        if (payload instanceof OptionalParameter.OctetString octets) {
            String text = SmscText.decode(List.of(octets.getValue()), dataCoding);
            return Optional.of(submitted(sm, text, List.of(id), true));
        }
        byte[] shortMessage = sm.getShortMessage();
        if (!fitsOneSms(shortMessage, sm.getEsmClass(), dataCoding)) {
            throw new ProcessRequestException("longer than one SMS", INVALID_MESSAGE_LENGTH);
        }
        int[] concatenation = SmscText.concatenation(shortMessage, sm.getEsmClass());
        byte[] userData = SmscText.userData(shortMessage, sm.getEsmClass());
        if (concatenation == null) {
            return Optional.of(submitted(sm, SmscText.decode(List.of(userData), dataCoding), List.of(id), false));
        }
        String key = sm.getDestAddress() + "/" + concatenation[0];
        TreeMap<Integer, Part> parts = pending.computeIfAbsent(key, k -> new TreeMap<>());
        synchronized (parts) {
            parts.put(concatenation[2], new Part(id, userData));
            if (parts.size() < concatenation[1]) {
                return Optional.empty();
            }
            pending.remove(key);
            List<byte[]> data = new ArrayList<>();
            List<String> partIds = new ArrayList<>();
            parts.values().forEach(part -> {
                data.add(part.userData());
                partIds.add(part.id());
            });
            return Optional.of(submitted(sm, SmscText.decode(data, dataCoding), partIds, false));
        }
    }

    private static Submitted submitted(SubmitSm sm, String text, List<String> partIds, boolean payload) {
        return new Submitted(partIds.get(0), sm.getDestAddress(), text, System.currentTimeMillis(),
                List.copyOf(partIds), sm.getDataCoding(), payload);
    }

    /** 140 octets of TP user data: GSM-7 septets start on the septet boundary after the header. */
    private static boolean fitsOneSms(byte[] shortMessage, byte esmClass, byte dataCoding) {
        int headerOctets = (esmClass & 0x40) != 0 && shortMessage.length > 0 ? (shortMessage[0] & 0xFF) + 1 : 0;
        if ((dataCoding & 0xFF) == 0x08) {
            return shortMessage.length <= 140;
        }
        int headerSeptets = (headerOctets * 8 + 6) / 7;
        return (headerSeptets + shortMessage.length - headerOctets) * 7 <= TP_USER_DATA_BITS;
    }
}
