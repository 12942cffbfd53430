package com.narvark.portal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The portal's pages: Thymeleaf templates (templates/portal) in one frame with one shared stylesheet and no script
 * at all. Thymeleaf escapes every value ({@code th:text} and the attribute processors; no {@code th:utext}). The
 * answer is rendered here rather than by a view resolver, so every page carries the same headers whichever way it
 * is answered (controllers, the security chain's refusals): never cached (some show a secret exactly once), no
 * referrer (the one-time link's token must not leak to another site), no framing, no script or inline style.
 */
@Component
class PortalPages {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final ITemplateEngine templates;

    PortalPages(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** {@code view}: "template :: fragment" of the page's content, e.g. {@code portal/access :: form}. */
    ResponseEntity<String> page(String title, String view, Map<String, ?> model) {
        return page(HttpStatus.OK, title, view, model);
    }

    ResponseEntity<String> page(HttpStatus status, String title, String view, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("title", title);
        variables.put("view", view);
        String html = templates.process("portal/page", new Context(Locale.ENGLISH, variables));
        return ResponseEntity.status(status).headers(headers()).contentType(MediaType.TEXT_HTML).body(html);
    }

    static ResponseEntity<String> redirect(String location) {
        HttpHeaders headers = headers();
        headers.set(HttpHeaders.LOCATION, location);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).headers(headers).build();
    }

    /** A form whose CSRF token does not belong to the browser's cookie (or no cookie at all). */
    ResponseEntity<String> forbidden() {
        return page(HttpStatus.FORBIDDEN, "Form expired", "portal/refusals :: forbidden", Map.of());
    }

    ResponseEntity<String> notFound() {
        return page(HttpStatus.NOT_FOUND, "Not found", "portal/refusals :: not-found", Map.of());
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
}
