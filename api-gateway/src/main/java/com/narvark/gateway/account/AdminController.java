package com.narvark.gateway.account;

import com.narvark.accounts.Accounts;
import com.narvark.accounts.Accounts.IssuedKey;
import com.narvark.accounts.Accounts.NewAccount;
import com.narvark.accounts.KeyRateLimit;
import com.narvark.accounts.StoredKey;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.otp.JsonFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's API (bearer = {@code narvark.admin.token}): accounts and keys. */
@RestController
@RequestMapping("/v1/admin")
class AdminController {

    private final Accounts accounts;

    AdminController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    AccountResponse createAccount(@RequestBody Map<String, Object> body) {
        JsonFields fields = new JsonFields(body, "name");
        String name = fields.requiredString("name").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ApiException.invalid("name", "name must be 1 to 200 characters");
        }
        NewAccount account = accounts.createAccount(name);
        return new AccountResponse(account.accountId(), "account", account.name(), account.createdAt(),
                account.keys().stream().map(KeyResponse::of).toList());
    }

    @PostMapping("/accounts/{accountId}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    KeyResponse issueKey(@PathVariable String accountId, @RequestBody Map<String, Object> body) {
        JsonFields fields = new JsonFields(body, "environment");
        String environment = fields.requiredString("environment");
        if (!environment.equals("test") && !environment.equals("live")) {
            throw ApiException.invalid("environment", "environment must be test or live");
        }
        return KeyResponse.of(accounts.issueKey(accountId, environment.equals("live")));
    }

    @GetMapping("/accounts/{accountId}/keys")
    Map<String, List<KeyResponse>> keys(@PathVariable String accountId) {
        return Map.of("data", accounts.keys(accountId).stream().map(k -> KeyResponse.of(k, null)).toList());
    }

    @DeleteMapping("/keys/{keyId}")
    KeyResponse revoke(@PathVariable String keyId) {
        return KeyResponse.of(accounts.revoke(keyId), null);
    }

    /**
     * A key's rate limit: {@code requests_per_minute} (1..1,000,000), {@code unlimited: true} (enterprise plan), or
     * an empty object for the default again.
     */
    @PostMapping("/keys/{keyId}/rate_limit")
    RateLimitResponse setRateLimit(@PathVariable String keyId, @RequestBody Map<String, Object> body) {
        JsonFields fields = new JsonFields(body, "requests_per_minute", "unlimited");
        Integer perMinute = fields.optionalInt("requests_per_minute", 1, 1_000_000).orElse(null);
        Object unlimitedValue = fields.raw("unlimited").orElse(false);
        if (!(unlimitedValue instanceof Boolean unlimited)) {
            throw ApiException.invalid("unlimited", "unlimited must be true or false");
        }
        if (unlimited && perMinute != null) {
            throw ApiException.invalid("unlimited", "give either requests_per_minute or unlimited, not both");
        }
        KeyRateLimit limit = accounts.setRateLimit(keyId, new KeyRateLimit(perMinute, unlimited));
        return new RateLimitResponse("rate_limit", keyId, limit.perMinute(), limit.unlimited());
    }

    record RateLimitResponse(String object, String keyId, Integer requestsPerMinute, boolean unlimited) {
    }

    /**
     * An account's limit over all its keys together: {@code requests_per_minute} (1..1,000,000), or an empty object
     * for the default ({@code narvark.rate-limit.account-per-minute}). Unlimited keys are exempt from it.
     */
    @PostMapping("/accounts/{accountId}/rate_limit")
    AccountRateLimitResponse setAccountRateLimit(@PathVariable String accountId,
                                                 @RequestBody Map<String, Object> body) {
        Integer perMinute = new JsonFields(body, "requests_per_minute")
                .optionalInt("requests_per_minute", 1, 1_000_000).orElse(null);
        accounts.setAccountRateLimit(accountId, perMinute);
        return new AccountRateLimitResponse("account_rate_limit", accountId, perMinute);
    }

    /** {@code requests_per_minute} null: the configured default applies. */
    record AccountRateLimitResponse(String object, String accountId, Integer requestsPerMinute) {
    }

    record AccountResponse(String id, String object, String name, Instant createdAt, List<KeyResponse> keys) {
    }

    /** {@code secret} is present only in the answer that creates the key. */
    record KeyResponse(String id, String object, String accountId, String environment, boolean livemode,
                       String hint, String secret, Instant createdAt, Instant revokedAt) {

        static KeyResponse of(IssuedKey issued) {
            return of(issued.key(), issued.secret());
        }

        static KeyResponse of(StoredKey key, String secret) {
            return new KeyResponse(key.keyId(), "api_key", key.accountId(), key.livemode() ? "live" : "test",
                    key.livemode(), key.hint(), secret, key.createdAt(), key.revokedAt());
        }
    }
}
