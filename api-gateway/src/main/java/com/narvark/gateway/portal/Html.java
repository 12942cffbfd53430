package com.narvark.gateway.portal;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The portal's pages: small server-rendered HTML with one shared stylesheet and no script at all. Every value that
 * came from outside goes through {@link #esc}. Pages are never cached (some show a secret exactly once) and send no
 * referrer (the one-time link's token must not leak to another site).
 */
final class Html {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static ResponseEntity<String> page(String title, String body) {
        return page(HttpStatus.OK, title, body);
    }

    static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Narvark</title>
                <link rel="stylesheet" href="/portal/portal.css">
                </head>
                <body>
                <a class="skip" href="#main">Skip to content</a>
                <header><a class="brand" href="/portal/access">Narvark</a>
                <nav aria-label="Portal"><a href="/portal/access">Request access</a>
                <a href="/portal/console">Console</a></nav></header>
                <main id="main">
                %s
                </main>
                </body>
                </html>
                """.formatted(esc(title), body);
        return ResponseEntity.status(status).headers(headers()).contentType(MediaType.TEXT_HTML).body(html);
    }

    static ResponseEntity<String> redirect(String location) {
        HttpHeaders headers = headers();
        headers.set(HttpHeaders.LOCATION, location);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).headers(headers).build();
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        return headers;
    }

    static String csrf(String token) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(token) + "\">";
    }

    /** A POST form holding only a button (and hidden fields): revoke, roll, approve. */
    static String button(String action, String csrf, String label, Map<String, String> hidden) {
        StringBuilder fields = new StringBuilder(csrf(csrf));
        hidden.forEach((name, value) -> fields.append("<input type=\"hidden\" name=\"").append(esc(name))
                .append("\" value=\"").append(esc(value)).append("\">"));
        return "<form class=\"inline\" method=\"post\" action=\"" + esc(action) + "\">" + fields
                + "<button type=\"submit\">" + esc(label) + "</button></form>";
    }

    /** The summary at the top of a form with errors: announced to screen readers, each entry links to its field. */
    static String errorSummary(Map<String, String> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder items = new StringBuilder();
        errors.forEach((field, message) -> items.append("<li><a href=\"#").append(esc(field)).append("\">")
                .append(esc(message)).append("</a></li>"));
        return "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>Please fix "
                + (errors.size() == 1 ? "this problem" : "these problems") + "</h2><ul>" + items + "</ul></div>";
    }

    /** A labelled text input with its error (if any) tied to it through aria-describedby. */
    static String input(String id, String label, String type, String value, Map<String, String> errors,
                        String extra) {
        String error = errors.get(id);
        return "<div class=\"field\"><label for=\"" + id + "\">" + esc(label) + "</label>"
                + (error == null ? "" : "<p class=\"error\" id=\"" + id + "-error\">" + esc(error) + "</p>")
                + "<input id=\"" + id + "\" name=\"" + id + "\" type=\"" + type + "\" value=\"" + esc(value) + "\""
                + (error == null ? "" : " aria-invalid=\"true\" aria-describedby=\"" + id + "-error\"")
                + " " + extra + "></div>";
    }

    static String notice(String message) {
        return "<p class=\"notice\" role=\"status\">" + esc(message) + "</p>";
    }

    static String list(List<String> items) {
        StringBuilder out = new StringBuilder("<ul>");
        items.forEach(item -> out.append("<li>").append(item).append("</li>"));
        return out.append("</ul>").toString();
    }
}
