package com.narvark.gateway.sandbox;

import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.query.FindSandboxMessagesQuery;
import com.narvark.otp.api.query.SandboxMessageView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox carrier's inbox: what it "delivered" for one of the caller's live OTPs, code included. Only OTPs whose
 * channel is served by the sandbox provider appear; test-environment OTPs never reach any provider.
 */
@RestController
class SandboxController {

    private final QueryGateway queries;

    SandboxController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/sandbox/messages")
    Map<String, List<MessageJson>> messages(@AuthenticationPrincipal Caller caller,
                                            @RequestParam("otp_id") String otpId) {
        if (!OtpId.isWellFormed(otpId)) {
            throw ApiException.invalid("otp_id", "otp_id must be an OTP id (otp_…)");
        }
        if (!caller.livemode()) {
            // Test OTPs never reach a carrier, and a test key must not read the live environment's inbox.
            return Map.of("data", List.of());
        }
        List<SandboxMessageView> messages = queries.query(new FindSandboxMessagesQuery(otpId, caller.accountId()),
                ResponseTypes.multipleInstancesOf(SandboxMessageView.class)).join();
        return Map.of("data", messages.stream().map(MessageJson::of).toList());
    }

    record MessageJson(String id, String object, String otpId, String channel, String to, String text,
                       Instant receivedAt) {

        static MessageJson of(SandboxMessageView m) {
            return new MessageJson(m.messageId(), "sandbox_message", m.otpId(), m.channel().wireName(), m.to(),
                    m.text(), m.receivedAt());
        }
    }
}
