package com.narvark.otp.api.query;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpStatus;
import java.util.List;
import java.util.Map;

/**
 * The public status of an OTP, kept long after it ended. Times are null until the step happened; {@code sends}
 * counts the first send and every resend; {@code delivery} is what the carriers reported, attempt by attempt.
 */
public record OtpStatusView(String otpId, String accountId, boolean livemode, OtpStatus status, String to,
                            Channel channel, List<Channel> fallback, List<Channel> channelsTried, int codeLength,
                            int attemptsUsed, int attemptsRemaining, int sends, Map<String, String> metadata,
                            OtpTimeline timeline, OtpDeliveryReport delivery) {

    public OtpStatusView {
        delivery = delivery == null ? OtpDeliveryReport.NONE : delivery;
    }

    /** A view without carrier outcomes yet (a new or refused OTP). */
    public OtpStatusView(String otpId, String accountId, boolean livemode, OtpStatus status, String to,
                         Channel channel, List<Channel> fallback, List<Channel> channelsTried, int codeLength,
                         int attemptsUsed, int attemptsRemaining, int sends, Map<String, String> metadata,
                         OtpTimeline timeline) {
        this(otpId, accountId, livemode, status, to, channel, fallback, channelsTried, codeLength, attemptsUsed,
                attemptsRemaining, sends, metadata, timeline, OtpDeliveryReport.NONE);
    }
}
