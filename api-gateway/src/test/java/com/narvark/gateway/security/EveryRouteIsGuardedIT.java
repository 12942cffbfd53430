package com.narvark.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.RawHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No route can ship open: every handler Spring MVC registered is called without any credential, and each must be
 * refused by its chain (401 for the API and the admin API, the sign-in page or 403 for the portal) unless it is on
 * the public list the README documents. A new route that no security rule names fails here (it answers 404).
 */
class EveryRouteIsGuardedIT extends GatewayIntegrationTest {

    /** README "Security": the routes anyone may call. Callbacks are authenticated by the carrier's signature. */
    static final Set<String> PUBLIC = Set.of("GET /dashboard", "GET /portal/access", "POST /portal/access",
            "GET /portal/sign-in", "POST /portal/sign-in", "GET /portal/sign-in/code", "POST /portal/sign-in/code",
            "POST /portal/sign-out", "GET /portal/welcome/{token}", "POST /portal/welcome/{token}",
            "GET /portal/operator", "POST /portal/operator/sign-in", "POST /callbacks/twilio",
            "POST /callbacks/whatsapp", "GET /callbacks/whatsapp");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void shouldRefuseEveryRegisteredRouteWithoutCredentialsUnlessItIsPublic() throws IOException {
        RawHttp http = raw("127.0.0.1");
        Set<String> routes = routes();
        List<String> open = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            String path = pattern.replaceAll("\\{[^}]+}", "x1");
            RawHttp.Answer answer = http.send(method, path, null, "application/json", method.equals("GET") ? null
                    : "{}");
            assertThat(answer.status()).as(route).isBetween(200, 499);
            if (PUBLIC.contains(route)) {
                continue;
            }
            if (pattern.equals("/error")) {
                assertThat(answer.status()).as("/error is for error dispatches only").isEqualTo(404);
            } else if (pattern.startsWith("/v1/")) {
                assertThat(answer.status()).as(route).isEqualTo(401);
                assertThat(answer.header("WWW-Authenticate")).as(route).isEqualTo("Bearer");
                assertThat(answer.body()).as(route).contains("\"code\":\"unauthorized\"");
            } else if (pattern.startsWith("/portal/") && method.equals("GET")) {
                assertThat(answer.status()).as(route).isEqualTo(303);
            } else if (pattern.startsWith("/portal/")) {
                assertThat(answer.status()).as(route).isEqualTo(403);
            } else {
                open.add(route + " → " + answer.status());
            }
        }
        assertThat(open).as("routes that are neither public nor under a chain's rules").isEmpty();
        assertThat(routes).as("the public list names only routes that exist").containsAll(PUBLIC);
    }

    @Test
    void shouldServeHealthButRefuseOtherActuatorEndpointsWithoutTheOperatorToken() throws IOException {
        RawHttp http = raw("127.0.0.1");
        // The shape openapi.yaml documents (schema Health): a status, the groups, no component details.
        for (String health : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            RawHttp.Answer answer = http.send("GET", health, null, null, null);
            assertThat(answer.status()).as(health).isEqualTo(200);
            assertThat(answer.body()).as(health).contains("\"status\":\"UP\"").doesNotContain("components");
        }
        for (String endpoint : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/prometheus")) {
            assertThat(http.send("GET", endpoint, null, null, null).status()).as(endpoint).isEqualTo(401);
        }
    }

    @Test
    void shouldAnswerNotFoundWhenNoRuleNamesThePath() throws IOException {
        RawHttp.Answer answer = raw("127.0.0.1").send("GET", "/v2/otp/send", null, null, null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("\"code\":\"not_found\"");
        assertThat(answer.header("Request-Id")).startsWith("req_");
    }

    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add("GET " + pattern);
                    routes.add("POST " + pattern);
                }
                methods.forEach(method -> routes.add(method.name() + " " + pattern));
            }
        }
        return routes;
    }
}
