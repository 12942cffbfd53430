package com.narvark.gateway.portal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Answers shared by the portal's controllers. */
final class PortalPages {

    private PortalPages() {
    }

    /** A form whose CSRF token does not belong to the browser's cookie (or no cookie at all). */
    static ResponseEntity<String> forbidden() {
        return Html.page(HttpStatus.FORBIDDEN, "Form expired", "<h1>This form has expired</h1><p role=\"alert\">"
                + "For your security the form could not be accepted. Go back, reload the page and try again.</p>");
    }

    static ResponseEntity<String> notFound() {
        return Html.page(HttpStatus.NOT_FOUND, "Not found", "<h1>Not found</h1><p>There is nothing here.</p>");
    }
}
