package com.narvark.gateway.portal;

import com.narvark.accounts.Accounts.IssuedKey;
import com.narvark.accounts.KeyDetails;
import com.narvark.accounts.KeyRateLimit;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The console's key pages: the key table with its create form, a new secret shown once, the limit reached. */
final class ConsoleKeys {

    private ConsoleKeys() {
    }

    static String section(List<KeyDetails> keys, int defaultPerMinute, String csrf) {
        StringBuilder rows = new StringBuilder();
        for (KeyDetails k : keys) {
            String state = k.key().revokedAt() != null ? "revoked " + k.key().revokedAt().toString().substring(0, 10)
                    : k.active() ? "active" : "awaiting review";
            KeyRateLimit limit = k.rateLimit();
            String rate = limit.unlimited() ? "unlimited"
                    : (limit.perMinute() == null ? defaultPerMinute : limit.perMinute()) + " requests/min";
            String plan = limit.unlimited() ? "Enterprise" : limit.perMinute() == null ? "Standard" : "Custom";
            String actions = k.key().revokedAt() != null ? "" : Html.button("/portal/console/keys/"
                    + k.key().keyId() + "/roll", csrf, "Roll " + k.key().hint(), Map.of())
                    + Html.button("/portal/console/keys/" + k.key().keyId() + "/revoke", csrf,
                    "Revoke " + k.key().hint(), Map.of());
            rows.append("<tr data-key-id=\"").append(Html.esc(k.key().keyId())).append("\"><td>")
                    .append(k.key().livemode() ? "live" : "test").append("</td><td><code>")
                    .append(Html.esc(k.key().hint())).append("</code></td><td>")
                    .append(Html.esc(k.key().createdAt().toString().substring(0, 10)))
                    .append("</td><td class=\"state\">")
                    .append(Html.esc(state)).append("</td><td>").append(Html.esc(rate)).append("</td><td>")
                    .append(plan).append("</td><td>").append(actions).append("</td></tr>");
        }
        return "<h2>API keys</h2><table><thead><tr><th scope=\"col\">Environment</th><th scope=\"col\">Key</th>"
                + "<th scope=\"col\">Created</th><th scope=\"col\">State</th><th scope=\"col\">Rate limit</th>"
                + "<th scope=\"col\">Plan</th><th scope=\"col\">Actions</th></tr></thead><tbody>" + rows
                + "</tbody></table><form method=\"post\" action=\"/portal/console/keys\">" + Html.csrf(csrf)
                + "<div class=\"field\"><label for=\"key-environment\">Environment of the new key</label>"
                + "<select id=\"key-environment\" name=\"environment\"><option value=\"test\">Test</option>"
                + "<option value=\"live\">Live</option></select></div>"
                + "<button type=\"submit\">Create key</button></form>";
    }

    static ResponseEntity<String> shownOnce(String title, IssuedKey issued) {
        return Html.page(title, "<h1>" + Html.esc(title) + "</h1>" + Html.notice("Copy the key now: it is shown "
                + "only on this page and stored only as a hash.") + "<p><code class=\"secret\" data-key-id=\""
                + Html.esc(issued.key().keyId()) + "\">" + Html.esc(issued.secret()) + "</code></p>"
                + "<p><a href=\"/portal/console\">Back to the console</a></p>");
    }

    static ResponseEntity<String> limitReached(String environment, int max) {
        return Html.page(HttpStatus.CONFLICT, "Key limit reached", "<h1>Key limit reached</h1><p role=\"alert\">"
                + "This account already has " + max + " active " + Html.esc(environment) + " keys, the most an "
                + "environment may have. Revoke a key you no longer use, or roll one (rolling replaces a key "
                + "without adding one), then try again.</p><p><a href=\"/portal/console\">Back to the console</a></p>");
    }
}
