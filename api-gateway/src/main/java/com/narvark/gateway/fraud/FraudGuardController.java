package com.narvark.gateway.fraud;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.otp.JsonFields;
import com.narvark.otp.api.GuardPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/POST /v1/fraud_guard}: the calling key's account and environment's country allowlist and guard mode
 * ({@code enforce}, or {@code monitor} to record what would have been blocked without blocking it).
 */
@RestController
@RequestMapping("/v1/fraud_guard")
class FraudGuardController {

    private static final Set<String> REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();
    private static final int MAX_COUNTRIES = 300;

    private final GuardPolicies policies;

    FraudGuardController(GuardPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    FraudGuardJson get(@AuthenticationPrincipal Caller caller) {
        return FraudGuardJson.of(caller, policies.of(caller.accountId(), caller.livemode()));
    }

    /** Fields left out keep their value; {@code allowed_countries: []} (or null) allows every country again. */
    @PostMapping
    FraudGuardJson update(@AuthenticationPrincipal Caller caller, @RequestBody Map<String, Object> body) {
        JsonFields fields = new JsonFields(body, "allowed_countries", "mode");
        GuardPolicy current = policies.of(caller.accountId(), caller.livemode());
        Set<String> countries = body.containsKey("allowed_countries")
                ? countries(fields.raw("allowed_countries").orElse(List.of())) : current.allowedCountries();
        boolean monitorOnly = fields.optionalString("mode").map(FraudGuardController::monitorOnly)
                .orElse(current.monitorOnly());
        GuardPolicy updated = new GuardPolicy(countries, monitorOnly);
        policies.save(caller.accountId(), caller.livemode(), updated);
        return FraudGuardJson.of(caller, updated);
    }

    private static Set<String> countries(Object raw) {
        if (!(raw instanceof List<?> list) || list.size() > MAX_COUNTRIES) {
            throw ApiException.invalid("allowed_countries",
                    "allowed_countries must be an array of ISO 3166-1 alpha-2 country codes");
        }
        Set<String> countries = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String code) || !REGIONS.contains(code)) {
                throw ApiException.invalid("allowed_countries", "allowed_countries[" + i + "] is not an ISO 3166-1 "
                        + "alpha-2 code of a country with phone numbers (upper case, e.g. GB)");
            }
            countries.add(code);
        }
        return countries;
    }

    private static boolean monitorOnly(String mode) {
        return switch (mode) {
            case "enforce" -> false;
            case "monitor" -> true;
            default -> throw ApiException.invalid("mode", "mode must be enforce or monitor");
        };
    }

    record FraudGuardJson(String object, boolean livemode, List<String> allowedCountries, String mode) {

        static FraudGuardJson of(Caller caller, GuardPolicy policy) {
            return new FraudGuardJson("fraud_guard", caller.livemode(),
                    List.copyOf(new TreeSet<>(policy.allowedCountries())), policy.monitorOnly() ? "monitor" : "enforce");
        }
    }
}
