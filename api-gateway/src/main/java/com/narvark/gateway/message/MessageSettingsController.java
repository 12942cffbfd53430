package com.narvark.gateway.message;

import com.narvark.accounts.MessageSettings;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.otp.JsonFields;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of an account's message settings: {@code display_name} (the brand every message gives) and
 * {@code default_locale}. A POST changes the fields it names and leaves the others.
 */
@RestController
@RequestMapping("/v1/admin/accounts/{accountId}/message_settings")
class MessageSettingsController {

    private final MessageSettings messages;

    MessageSettingsController(MessageSettings messages) {
        this.messages = messages;
    }

    @GetMapping
    MessageSettingsJson get(@PathVariable String accountId) {
        return MessageSettingsJson.of(accountId, messages.of(accountId)
                .orElseThrow(() -> ApiException.notFound("no account " + accountId)));
    }

    @PostMapping
    MessageSettingsJson update(@PathVariable String accountId, @RequestBody Map<String, Object> body) {
        JsonFields fields = new JsonFields(body, "display_name", "default_locale");
        String displayName = fields.optionalString("display_name")
                .map(name -> BrandName.validate("display_name", name, BrandName.MAX_BRAND)).orElse(null);
        String locale = fields.optionalString("default_locale")
                .map(tag -> LocaleTags.nearestSupported("default_locale", tag)).orElse(null);
        if (!messages.update(accountId, displayName, locale)) {
            throw ApiException.notFound("no account " + accountId);
        }
        return get(accountId);
    }

    /** What messages use now: {@code display_name} is the brand in force, the account's own or its default. */
    record MessageSettingsJson(String object, String accountId, String displayName, String defaultLocale) {

        static MessageSettingsJson of(String accountId, MessageSettings.Settings settings) {
            return new MessageSettingsJson("message_settings", accountId, settings.brand(),
                    settings.defaultLocale());
        }
    }
}
