package com.narvark.otp.api.query;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import java.util.List;
import java.util.Map;

/**
 * The public status of an OTP, kept long after it ended. Times are null until the step happened; {@code sends}
 * counts the first send and every resend. {@code message} is how its message reads (null for an OTP refused before
 * any message, or stored before messages had options); {@code transaction} the payment its code approves, if any;
 * {@code delivery} is what the carriers reported, attempt by attempt.
 */
public record OtpStatusView(String otpId, String accountId, boolean livemode, OtpStatus status, String to,
                            Channel channel, List<Channel> fallback, List<Channel> channelsTried, int codeLength,
                            int attemptsUsed, int attemptsRemaining, int sends, Map<String, String> metadata,
                            OtpTimeline timeline, MessageOptions message, OtpTransaction transaction,
                            OtpDeliveryReport delivery) {

    public OtpStatusView {
        delivery = delivery == null ? OtpDeliveryReport.NONE : delivery;
    }

    /** A view without carrier outcomes yet (a new or refused OTP). */
    public OtpStatusView(String otpId, String accountId, boolean livemode, OtpStatus status, String to,
                         Channel channel, List<Channel> fallback, List<Channel> channelsTried, int codeLength,
                         int attemptsUsed, int attemptsRemaining, int sends, Map<String, String> metadata,
                         OtpTimeline timeline) {
        this(otpId, accountId, livemode, status, to, channel, fallback, channelsTried, codeLength, attemptsUsed,
                attemptsRemaining, sends, metadata, timeline, null, null, OtpDeliveryReport.NONE);
    }

    /** A view of a message without carrier outcomes yet (an OTP just sent). */
    public OtpStatusView(String otpId, String accountId, boolean livemode, OtpStatus status, String to,
                         Channel channel, List<Channel> fallback, List<Channel> channelsTried, int codeLength,
                         int attemptsUsed, int attemptsRemaining, int sends, Map<String, String> metadata,
                         OtpTimeline timeline, MessageOptions message, OtpTransaction transaction) {
        this(otpId, accountId, livemode, status, to, channel, fallback, channelsTried, codeLength, attemptsUsed,
                attemptsRemaining, sends, metadata, timeline, message, transaction, OtpDeliveryReport.NONE);
    }
}
