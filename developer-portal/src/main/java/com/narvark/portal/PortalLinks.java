package com.narvark.portal;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The public base URL of the links the portal emails ({@code narvark.portal.base-url}). Never taken from the
 * request: its Host header is the client's to choose, and a one-time key link pointing at an attacker's host would
 * hand them the keys. With a real database the setting is required and the start fails without it; only the
 * embedded mode, which runs on the developer's own machine, falls back to {@code http://localhost:<port>}.
 */
@Component
class PortalLinks {

    static final String SETTING = "narvark.portal.base-url";

    private final Environment environment;
    private final String configured;

    PortalLinks(Environment environment) {
        this.environment = environment;
        this.configured = environment.getProperty(SETTING, "").strip().replaceAll("/+$", "");
        if (configured.isEmpty()) {
            if (!EmbeddedDatabase.isActive(environment)) {
                throw new IllegalStateException(SETTING + " is required with a real database (spring.datasource.url"
                        + " is set): the public URL of the portal, e.g. https://portal.example.com, which the emailed "
                        + "one-time key links point to (environment NARVARK_PORTAL_BASE_URL)");
            }
        } else if (!absoluteHttpUrl(configured)) {
            throw new IllegalStateException(SETTING + " must be an absolute http(s) URL such as "
                    + "https://portal.example.com, not " + configured);
        }
    }

    /** The base URL without a trailing slash. */
    String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        // Read when a link is made, not at start: the port is only known once the server listens (server.port=0).
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }

    private static boolean absoluteHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
