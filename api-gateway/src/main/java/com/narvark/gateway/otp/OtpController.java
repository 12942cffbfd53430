package com.narvark.gateway.otp;

import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.fraud.GuardPolicies;
import com.narvark.gateway.idempotency.IdempotentSends;
import com.narvark.accounts.MessageSettings;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.command.SendOtpCommand;
import com.narvark.otp.api.command.SendOtpResult;
import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.command.VerifyOtpCommand;
import com.narvark.otp.api.message.MessageLocales;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import com.narvark.otp.api.query.FindOtpQuery;
import com.narvark.otp.api.query.OtpStatusView;
import com.narvark.otp.api.query.OtpTimeline;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/otp/send}, {@code POST /v1/otp/verify} and {@code GET /v1/otp/{id}}. */
@RestController
@RequestMapping("/v1/otp")
class OtpController {

    private static final Logger LOG = LoggerFactory.getLogger(OtpController.class);
    private static final Pattern CODE_SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,32}");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final SecureRandom random;
    private final Clock clock;
    private final GuardPolicies guardPolicies;
    private final MessageSettings accountMessages;
    private final int maxAttempts;

    OtpController(CommandGateway commands, QueryGateway queries, SecureRandom random, Clock clock,
                  GuardPolicies guardPolicies, MessageSettings accountMessages,
                  @Value("${narvark.otp.max-attempts:5}") int maxAttempts) {
        this.commands = commands;
        this.queries = queries;
        this.random = random;
        this.clock = clock;
        this.guardPolicies = guardPolicies;
        this.accountMessages = accountMessages;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Answers once the OTP is durably stored; dispatch to the carrier follows asynchronously. A send the fraud guards
     * refuse is recorded (status {@code refused}) and answered 403 or 429; it never reaches a carrier.
     */
    @PostMapping("/send")
    OtpJson send(@AuthenticationPrincipal Caller caller, @RequestBody Map<String, Object> body,
                 HttpServletRequest http) {
        SendRequest request = SendRequestParser.parse(body);
        Optional<String> named = IdempotentSends.otpId(http);
        String otpId = named.orElseGet(() -> OtpId.generate(random));
        Instant now = clock.instant();
        int attempts = request.maxAttempts() == null ? maxAttempts : request.maxAttempts();
        String country = DestinationParser.countryOf(request.to());
        MessageOptions message = MessageChoice.of(request, country, accountMessages.of(caller.accountId())
                .orElse(new MessageSettings.Settings(MessageOptions.UNBRANDED, false, MessageLocales.ENGLISH,
                        false)));
        SendOtpResult result;
        try {
            result = commands.sendAndWait(new SendOtpCommand(otpId, caller.accountId(), caller.livemode(),
                    request.to(), country, request.channel(), request.fallback(), request.codeLength(),
                    request.ttlSeconds(), attempts, request.template(), request.metadata(),
                    guardPolicies.of(caller.accountId(), caller.livemode()), now, message, request.transaction()));
        } catch (RuntimeException failure) {
            if (named.isPresent() && IdempotentSends.alreadyCreated(failure)) {
                // A retry of a send that committed before: its OTP, not a second one.
                return get(caller, otpId);
            }
            throw failure;
        }
        if (!result.accepted()) {
            LOG.debug("send {} refused: {}", otpId, result.refusedFor().wireName());
            throw CommandErrors.guarded(result.refusedFor(), result.retryAfterSeconds());
        }
        LOG.debug("send {} accepted on {}", otpId, request.channel().wireName());
        return OtpJson.of(new OtpStatusView(otpId, caller.accountId(), caller.livemode(), OtpStatus.PENDING,
                request.to().value(), request.channel(), request.fallback(), List.of(), request.codeLength(), 0,
                attempts, 1, request.metadata(), new OtpTimeline(now, now.plusSeconds(request.ttlSeconds()),
                null, null, null, null, null, null, null, now, null, null), message, request.transaction()));
    }

    @PostMapping("/verify")
    VerifyJson verify(@AuthenticationPrincipal Caller caller, @RequestBody Map<String, Object> body) {
        JsonFields fields = new JsonFields(body, "id", "code", "transaction");
        String otpId = fields.requiredString("id");
        if (!OtpId.isWellFormed(otpId)) {
            throw ApiException.invalid("id", "id must be an OTP id (otp_…)");
        }
        String code = CODE_SEPARATORS.matcher(fields.requiredString("code")).replaceAll("");
        if (!DIGITS.matcher(code).matches()) {
            throw ApiException.invalid("code", "code must be digits, optionally grouped with spaces or dashes");
        }
        OtpTransaction transaction = TransactionParser.parse(fields).orElse(null);
        try {
            VerificationResult result = commands.sendAndWait(
                    new VerifyOtpCommand(otpId, caller.accountId(), caller.livemode(), code,
                            guardPolicies.of(caller.accountId(), caller.livemode()), transaction));
            return VerifyJson.of(result);
        } catch (RuntimeException e) {
            throw CommandErrors.translate(e);
        }
    }

    @GetMapping("/{id}")
    OtpJson get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (!OtpId.isWellFormed(id)) {
            throw CommandErrors.notFound();
        }
        Optional<OtpStatusView> view = queries.query(new FindOtpQuery(id, caller.accountId(), caller.livemode()),
                ResponseTypes.optionalInstanceOf(OtpStatusView.class)).join();
        return view.map(OtpJson::of).orElseThrow(CommandErrors::notFound);
    }

    /** {@code reason} is {@code transaction_mismatch} when the transaction was not the code's; null otherwise. */
    record VerifyJson(String id, String object, boolean valid, boolean consumed, String status,
                      int attemptsRemaining, String reason) {

        static VerifyJson of(VerificationResult result) {
            return new VerifyJson(result.otpId(), "otp_verification", result.valid(), result.consumed(),
                    result.status().wireName(), result.attemptsRemaining(), result.reason());
        }
    }
}
