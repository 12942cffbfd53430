package com.narvark.otp.delivery.smpp;

import com.narvark.otp.delivery.Receipts;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns {@code deliver_sm} delivery receipts into OTP receipts; mobile-originated messages are not for us. */
class SmppReceiptListener implements MessageReceiverListener {

    private static final Logger LOG = LoggerFactory.getLogger(SmppReceiptListener.class);
    /** deliver_sm_resp status "system error": the SMSC keeps the receipt and redelivers it later. */
    private static final int SYSTEM_ERROR = 0x08;

    private final Receipts receipts;

    SmppReceiptListener(Receipts receipts) {
        this.receipts = receipts;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        if (!deliverSm.isSmscDeliveryReceipt()) {
            return;
        }
        try {
            DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
            DeliveryReceiptState state = receipt.getFinalStatus();
            if (state == DeliveryReceiptState.DELIVRD) {
                receipts.delivered(SmppSmsProvider.NAME, receipt.getId());
            } else if (state != DeliveryReceiptState.ENROUTE && state != DeliveryReceiptState.ACCEPTD) {
                receipts.failed(SmppSmsProvider.NAME, receipt.getId(), SmppFailures.ofReceipt(state, receipt.getError()));
            }
        } catch (InvalidDeliveryReceiptException malformed) {
            LOG.warn("ignoring a malformed delivery receipt: {}", malformed.getMessage());
        } catch (RuntimeException recordingFailed) {
            throw new ProcessRequestException("could not record the receipt", SYSTEM_ERROR);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", SYSTEM_ERROR);
    }
}
