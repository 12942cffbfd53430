package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import com.narvark.otp.delivery.sms.SmsText;
import java.util.List;

/**
 * The carrier took the message. {@code immediateReceipt} is for carriers whose acceptance already is the delivery
 * (the sandbox, the test-mode simulator), so the OTP does not wait for a receipt that never comes. {@code parts} is
 * how many carrier messages it went out as (a concatenated SMS is several, each billed) and {@code encoding} the SMS
 * alphabet (null elsewhere). {@code partMessageIds} are the carrier's ids of every part when each part has its own
 * (SMPP): receipts may name any of them. The first is the attempt's {@code carrierMessageId}.
 */
public record CarrierAcceptance(String carrierMessageId, Receipt immediateReceipt, int parts, String encoding,
                                List<String> partMessageIds) {

    public enum Receipt { NONE, DELIVERED, READ }

    public CarrierAcceptance(String carrierMessageId, Receipt immediateReceipt) {
        this(carrierMessageId, immediateReceipt, 1, null, List.of(carrierMessageId));
    }

    public static CarrierAcceptance accepted(String carrierMessageId) {
        return new CarrierAcceptance(carrierMessageId, Receipt.NONE);
    }

    /** An SMS sent as one carrier message (a carrier that splits it itself still bills {@code text.parts()}). */
    public static CarrierAcceptance sms(String carrierMessageId, SmsText text) {
        return new CarrierAcceptance(carrierMessageId, Receipt.NONE, text.parts(), text.alphabet().wireName(),
                List.of(carrierMessageId));
    }

    /** An SMS whose parts the carrier took one by one, each with its own id. */
    public static CarrierAcceptance sms(List<String> partMessageIds, SmsText text) {
        return new CarrierAcceptance(partMessageIds.get(0), Receipt.NONE, text.parts(), text.alphabet().wireName(),
                List.copyOf(partMessageIds));
    }

    /**
     * A message taken whole by a carrier with one id for it (sandbox, simulator, HTTP APIs): an SMS still counts
     * the parts it goes out as, computed as an SMSC would split it.
     */
    public static CarrierAcceptance of(String carrierMessageId, OutboundMessage message, Receipt receipt) {
        if (message.channel() == Channel.SMS) {
            return sms(carrierMessageId, SmsText.of(message.text())).withImmediateReceipt(receipt);
        }
        return new CarrierAcceptance(carrierMessageId, receipt);
    }

    /** The same acceptance with the receipt a simulated carrier reports at once. */
    public CarrierAcceptance withImmediateReceipt(Receipt receipt) {
        return new CarrierAcceptance(carrierMessageId, receipt, parts, encoding, partMessageIds);
    }
}
