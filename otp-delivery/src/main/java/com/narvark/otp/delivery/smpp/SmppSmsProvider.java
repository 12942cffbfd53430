package com.narvark.otp.delivery.smpp;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.delivery.CarrierRefusedException;
import com.narvark.otp.delivery.ChannelProvider;
import com.narvark.otp.delivery.OutboundMessage;
import com.narvark.otp.delivery.Receipts;
import com.narvark.otp.delivery.sms.SmsText;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * SMS over SMPP 3.4: {@code submit_sm} with a delivery receipt request on a transceiver session; receipts come back
 * as {@code deliver_sm} on the same session. The text goes out in GSM-7 when it fits the GSM 03.38 alphabet, else
 * in UCS-2 (see {@link SmsText}); a long text as concatenated parts ({@link SmppParts}) or, if so configured, in
 * {@code message_payload}. A negative {@code submit_sm_resp} is a refusal, mapped by {@link SmppFailures}; an unbound
 * session (SMSC down, reconnecting) is one too, so the fallback channel starts without waiting.
 */
@Component
class SmppSmsProvider implements ChannelProvider, DisposableBean {

    static final String NAME = "smpp";

    private final SmppSettings settings;
    private final SmppConnection connection;
    private final SmppParts parts;

    SmppSmsProvider(SmppSettings settings, Receipts receipts, SecureRandom random) {
        this.settings = settings;
        this.parts = new SmppParts(random);
        this.connection = new SmppConnection(settings, new SmppReceiptListener(receipts));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.SMS;
    }

    /**
     * Every part gets its own message id and its own receipt; all are returned, so a receipt for any part finds
     * the attempt. A part refused after earlier ones were taken fails the attempt: the handset cannot assemble the
     * text without it, so the fallback should go ahead.
     */
    @Override
    public CarrierAcceptance send(OutboundMessage message) throws Exception {
        SmsText text = SmsText.of(message.text());
        if (text.parts() > SmppParts.MAX_PARTS) {
            throw new CarrierRefusedException(FailureReason.CONTENT_REJECTED, "the text needs more than "
                    + SmppParts.MAX_PARTS + " parts");
        }
        String to = message.to().substring(1);
        try {
            if (text.parts() == 1) {
                return CarrierAcceptance.sms(List.of(submit(to, text, new ESMClass(), text.encoded())), text);
            }
            if (settings.usesMessagePayload()) {
                return CarrierAcceptance.sms(List.of(submit(to, text, new ESMClass(), new byte[0],
                        new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(),
                                text.encoded()))), text);
            }
            List<String> ids = new ArrayList<>();
            for (byte[] part : parts.withHeaders(text)) {
                ids.add(submit(to, text, new ESMClass(SmppParts.UDH_INDICATOR), part));
            }
            return CarrierAcceptance.sms(ids, text);
        } catch (NegativeResponseException refused) {
            throw new CarrierRefusedException(SmppFailures.ofCommandStatus(refused.getCommandStatus()),
                    "the SMSC refused submit_sm");
        }
    }

    private String submit(String to, SmsText text, ESMClass esmClass, byte[] shortMessage,
                          OptionalParameter... tlvs) throws Exception {
        return connection.bound().submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                settings.sourceAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, esmClass,
                (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                (byte) 0, DataCodings.newInstance(text.alphabet().dataCoding()), (byte) 0, shortMessage, tlvs)
                .getMessageId();
    }

    boolean isBound() {
        return connection.isBound();
    }

    void bindInBackground() {
        connection.bindInBackground();
    }

    @Override
    public void destroy() {
        connection.close();
    }
}
