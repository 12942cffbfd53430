package com.narvark.gateway.idempotency;

import com.narvark.gateway.auth.ApiKeyAuthentication;
import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.error.ErrorWriter;
import com.narvark.gateway.idempotency.IdempotencyStore.Recorded;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.query.FindOtpQuery;
import com.narvark.otp.api.query.OtpStatusView;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the POSTs that create something: the first request with a key runs and its answer is
 * kept 24 h; the same key with the same request replays that answer, with another request answers 422, and while
 * the first still runs answers 409. Answers of 500 and above are not kept, so a retry runs again.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    /** Far longer than any send takes: an in-flight send record older than this will never be completed. */
    static final Duration SEND_TAKEOVER = Duration.ofSeconds(10);

    private final IdempotencyStore store;
    private final IdempotentSends sends;
    private final QueryGateway queries;
    private final Clock clock;
    private final SecretCipher cipher;
    private final ErrorWriter errors;

    IdempotencyFilter(IdempotencyStore store, IdempotentSends sends, QueryGateway queries, Clock clock,
                      SecretCipher cipher, ErrorWriter errors) {
        this.store = store;
        this.sends = sends;
        this.queries = queries;
        this.clock = clock;
        this.cipher = cipher;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(IdempotencyKeys.HEADER) == null || !IdempotencyKeys.CREATING.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication authenticated)) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = authenticated.caller();
        String key = request.getHeader(IdempotencyKeys.HEADER);
        if (!IdempotencyKeys.isWellFormed(key)) {
            errors.write(response, ApiException.invalid(IdempotencyKeys.HEADER,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces"));
            return;
        }
        // Bounded by the body limit: past it the stream throws, and the answer is 413.
        byte[] body = request.getInputStream().readAllBytes();
        byte[] fingerprint = IdempotencyKeys.fingerprint(request.getMethod(), request.getRequestURI(), body);
        HttpServletRequest cached = new CachedBodyRequest(request, body);
        String otpId = IdempotentSends.SEND.matches(request)
                ? sends.name(cached, caller.keyId(), key, fingerprint) : null;
        if (store.claim(caller.keyId(), key, fingerprint)) {
            run(cached, response, chain, caller.keyId(), key);
            return;
        }
        Optional<Recorded> recorded = store.find(caller.keyId(), key);
        if (otpId != null && firstAttemptWillNotAnswer(recorded, fingerprint, otpId, caller)) {
            // Run again: the OTP's name makes the send idempotent by itself. This answer is not recorded; the
            // first attempt's record is taken over once it counts as abandoned.
            chain.doFilter(cached, response);
            return;
        }
        answerFromRecord(response, recorded, caller.keyId(), key, fingerprint);
    }

    /**
     * An in-flight send whose OTP is already committed (its node died, or its answer was lost, before the record was
     * completed), or whose record is older than any send takes: waiting for its answer would wait for nothing.
     */
    private boolean firstAttemptWillNotAnswer(Optional<Recorded> recorded, byte[] fingerprint, String otpId,
                                              Caller caller) {
        if (recorded.isEmpty() || recorded.get().done()
                || !MessageDigest.isEqual(recorded.get().fingerprint(), fingerprint)) {
            return false;
        }
        return recorded.get().createdAt().isBefore(clock.instant().minus(SEND_TAKEOVER))
                || queries.query(new FindOtpQuery(otpId, caller.accountId(), caller.livemode()),
                ResponseTypes.optionalInstanceOf(OtpStatusView.class)).join().isPresent();
    }

    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String keyId,
                     String key) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, captured);
        } catch (ServletException | IOException | RuntimeException e) {
            store.release(keyId, key);
            throw e;
        }
        if (captured.getStatus() >= 500) {
            store.release(keyId, key);
        } else {
            String text = new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8);
            store.complete(keyId, key, captured.getStatus(), captured.getContentType(),
                    cipher.encrypt(text, owner(keyId, key)));
            store.purgeExpired(keyId);
        }
        captured.copyBodyToResponse();
    }

    private void answerFromRecord(HttpServletResponse response, Optional<Recorded> recorded, String keyId,
                                  String key, byte[] fingerprint) throws IOException {
        if (recorded.isPresent() && !MessageDigest.isEqual(recorded.get().fingerprint(), fingerprint)) {
            errors.write(response, new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_mismatch",
                    "this Idempotency-Key was used with another request in the last 24 hours",
                    IdempotencyKeys.HEADER));
        } else if (recorded.isEmpty() || !recorded.get().done()) {
            response.setHeader("Retry-After", "1");
            errors.write(response, new ApiException(HttpStatus.CONFLICT, "idempotency_in_flight",
                    "a request with this Idempotency-Key is still being processed; retry shortly",
                    IdempotencyKeys.HEADER));
        } else {
            response.setStatus(recorded.get().status());
            response.setHeader("Idempotent-Replayed", "true");
            if (recorded.get().contentType() != null) {
                response.setContentType(recorded.get().contentType());
            }
            byte[] replayed = cipher.decrypt(recorded.get().sealedBody(), owner(keyId, key))
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentLength(replayed.length);
            response.getOutputStream().write(replayed);
        }
    }

    private static String owner(String keyId, String key) {
        return "idempotency:" + keyId + ":" + key;
    }
}
