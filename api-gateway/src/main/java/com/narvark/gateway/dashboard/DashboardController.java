package com.narvark.gateway.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dashboard}: a static page that asks for the account's API key and calls {@code GET /v1/analytics} with it
 * from the browser (bearer header, never in a URL). The page itself holds no data, so it needs no authentication.
 */
@Controller
class DashboardController {

    /** Scripts only from here (the page's own and the Chart.js WebJar); no framing, no referrer. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @GetMapping("/dashboard")
    String dashboard(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        return "forward:/dashboard/index.html";
    }
}
