package com.narvark.otp.delivery;

import com.narvark.otp.api.command.RecordOtpDeliveredCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpReadCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies carrier receipts (SMPP deliver_sm, HTTP status callbacks) to the OTP they belong to. Receipts for unknown
 * message ids are ignored (carriers also report messages we never sent through them); repeated receipts change
 * nothing because the aggregate records each outcome of an attempt once.
 */
@Component
public class ReceiptRecorder implements Receipts {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptRecorder.class);

    private final CarrierMessages messages;
    private final CommandGateway commands;

    ReceiptRecorder(CarrierMessages messages, CommandGateway commands) {
        this.messages = messages;
        this.commands = commands;
    }

    @Override
    public void delivered(String provider, String carrierMessageId) {
        messages.find(provider, carrierMessageId).ifPresentOrElse(
                a -> commands.sendAndWait(new RecordOtpDeliveredCommand(a.otpId(), a.channel(), a.attempt())),
                () -> unknown(provider, carrierMessageId));
    }

    @Override
    public void read(String provider, String carrierMessageId) {
        messages.find(provider, carrierMessageId).ifPresentOrElse(
                a -> commands.sendAndWait(new RecordOtpReadCommand(a.otpId(), a.channel(), a.attempt())),
                () -> unknown(provider, carrierMessageId));
    }

    @Override
    public void failed(String provider, String carrierMessageId, String reason) {
        messages.find(provider, carrierMessageId).ifPresentOrElse(
                a -> commands.sendAndWait(new RecordOtpDeliveryFailedCommand(a.otpId(), a.channel(), a.attempt(),
                        reason)),
                () -> unknown(provider, carrierMessageId));
    }

    private static void unknown(String provider, String carrierMessageId) {
        LOG.debug("receipt from {} for unknown message {}; ignored", provider, carrierMessageId);
    }
}
