package com.narvark.gateway.idempotency;

import com.narvark.accounts.ApiKeys;
import com.narvark.otp.api.OtpId;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * An idempotent send names its OTP by the request itself: HMAC(server key, API key id, Idempotency-Key, request
 * fingerprint). A retry of the same request therefore asks to create the very same OTP; if the first attempt
 * committed (whatever happened to its answer: a 5xx, a reset connection, a node that died), the event store's
 * unique (aggregate, sequence) key refuses the second creation, and the retry answers the OTP that exists. No second
 * OTP, no second message, without relying on the idempotency record having been written.
 */
@Component
public class IdempotentSends {

    static final RequestMatcher SEND = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/v1/otp/send");
    private static final String ATTRIBUTE = "narvark.idempotent-otp-id";

    private final byte[] key;

    IdempotentSends(@Value("${narvark.security.code-pepper}") String pepper) {
        // A key of its own, derived from a configured secret: every node names the same OTP for the same request.
        this.key = ApiKeys.hash("narvark-idempotent-send:" + pepper);
    }

    /** Names the OTP this request creates, when it is an idempotent send. */
    String name(HttpServletRequest request, String keyId, String idempotencyKey, byte[] fingerprint) {
        String otpId = derive(keyId, idempotencyKey, fingerprint);
        request.setAttribute(ATTRIBUTE, otpId);
        return otpId;
    }

    /** The OTP id named by this request's Idempotency-Key, if it carries one. */
    public static Optional<String> otpId(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE));
    }

    /** Whether a send failed only because its OTP exists already: an earlier attempt of the same request. */
    public static boolean alreadyCreated(Throwable failure) {
        return ExceptionUtils.findException(failure, AggregateStreamCreationException.class).isPresent();
    }

    private String derive(String keyId, String idempotencyKey, byte[] fingerprint) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((keyId + "\n" + idempotencyKey + "\n").getBytes(StandardCharsets.UTF_8));
            return OtpId.fromDigest(mac.doFinal(fingerprint));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
