package com.narvark.gateway.otp;

import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.command.CancelOtpCommand;
import com.narvark.otp.api.command.ResendOtpCommand;
import com.narvark.otp.api.query.FindOtpQuery;
import com.narvark.otp.api.query.OtpStatusView;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/otp/{id}/resend} and {@code POST /v1/otp/{id}/cancel}. Both answer the OTP object as it stands
 * right after the command, folded from its events (the status projection may be a moment behind).
 */
@RestController
@RequestMapping("/v1/otp/{id}")
class OtpActionsController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    OtpActionsController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Body optional: {@code {"code": "same"}} (the default) or {@code {"code": "new"}}. */
    @PostMapping("/resend")
    OtpJson resend(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                   @RequestBody(required = false) Map<String, Object> body) {
        requireWellFormed(id);
        boolean newCode = body != null && new JsonFields(body, "code").optionalString("code")
                .map(OtpActionsController::isNewCode).orElse(false);
        execute(new ResendOtpCommand(id, caller.accountId(), caller.livemode(), newCode));
        return current(caller, id);
    }

    @PostMapping("/cancel")
    OtpJson cancel(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                   @RequestBody(required = false) Map<String, Object> body) {
        requireWellFormed(id);
        if (body != null) {
            new JsonFields(body); // no parameters: an empty object at most
        }
        execute(new CancelOtpCommand(id, caller.accountId(), caller.livemode()));
        return current(caller, id);
    }

    private void execute(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            throw CommandErrors.translate(e);
        }
    }

    private OtpJson current(Caller caller, String id) {
        Optional<OtpStatusView> view = queries.query(new FindOtpQuery(id, caller.accountId(), caller.livemode(), true),
                ResponseTypes.optionalInstanceOf(OtpStatusView.class)).join();
        return view.map(OtpJson::of).orElseThrow(CommandErrors::notFound);
    }

    private static boolean isNewCode(String code) {
        return switch (code) {
            case "same" -> false;
            case "new" -> true;
            default -> throw ApiException.invalid("code", "code must be same or new");
        };
    }

    private static void requireWellFormed(String id) {
        if (!OtpId.isWellFormed(id)) {
            throw CommandErrors.notFound();
        }
    }
}
