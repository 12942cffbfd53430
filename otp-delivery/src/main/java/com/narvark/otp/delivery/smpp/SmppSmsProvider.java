package com.narvark.otp.delivery.smpp;

import com.narvark.otp.api.Channel;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.delivery.CarrierRefusedException;
import com.narvark.otp.delivery.ChannelProvider;
import com.narvark.otp.delivery.OutboundMessage;
import com.narvark.otp.delivery.Receipts;
import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * SMS over SMPP 3.4: {@code submit_sm} with a delivery receipt request on a transceiver session; receipts come back
 * as {@code deliver_sm} on the same session. A negative {@code submit_sm_resp} is a refusal; an unbound session
 * (SMSC down, reconnecting) is one too, so the fallback channel starts without waiting.
 */
@Component
class SmppSmsProvider implements ChannelProvider, DisposableBean {

    static final String NAME = "smpp";

    private final SmppSettings settings;
    private final SmppConnection connection;

    SmppSmsProvider(SmppSettings settings, Receipts receipts) {
        this.settings = settings;
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

    @Override
    public CarrierAcceptance send(OutboundMessage message) throws Exception {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(message.text());
        byte[] text = message.text().getBytes(ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE);
        try {
            String id = connection.bound().submitShortMessage("", TypeOfNumber.ALPHANUMERIC,
                    NumberingPlanIndicator.UNKNOWN, settings.sourceAddress(), TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN, message.to().substring(1), new ESMClass(), (byte) 0, (byte) 1,
                    null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new GeneralDataCoding(ascii ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2, MessageClass.CLASS1,
                            false), (byte) 0, text).getMessageId();
            return CarrierAcceptance.accepted(id);
        } catch (NegativeResponseException refused) {
            throw new CarrierRefusedException("smpp_status_" + refused.getCommandStatus(),
                    "the SMSC refused submit_sm");
        }
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
