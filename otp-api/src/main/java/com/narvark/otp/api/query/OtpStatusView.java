package com.narvark.otp.api.query;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpStatus;
import java.util.List;
import java.util.Map;

/**
 * The public status of an OTP, kept long after it ended. Times are null until the step happened; {@code sends}
 * counts the first send and every resend.
 */
public record OtpStatusView(String otpId, String accountId, boolean livemode, OtpStatus status, String to,
                            Channel channel, List<Channel> fallback, List<Channel> channelsTried, int codeLength,
                            int attemptsUsed, int attemptsRemaining, int sends, Map<String, String> metadata,
                            OtpTimeline timeline) {
}
