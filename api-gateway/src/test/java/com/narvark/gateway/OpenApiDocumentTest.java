package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yaml.snakeyaml.Yaml;

/**
 * The published OpenAPI document describes exactly the routes the controllers serve, no more and no less, plus the
 * actuator endpoints the configuration exposes publicly (Spring Boot serves those, not a controller).
 */
class OpenApiDocumentTest {

    private static final String DOCUMENT = "static/openapi.yaml";
    private static final String CONFIGURATION = "application.yml";
    /** Documented actuator route → its endpoint id, which {@value #CONFIGURATION} must expose. */
    private static final Map<String, String> ACTUATOR_ROUTES = Map.of("GET /actuator/health", "health",
            "GET /actuator/health/{group}", "health");
    private static final List<String> CONTROLLERS = List.of(
            "com.narvark.gateway.otp.OtpController",
            "com.narvark.gateway.account.AdminController",
            "com.narvark.gateway.sandbox.SandboxController",
            "com.narvark.otp.delivery.http.CarrierCallbackController",
            "com.narvark.gateway.webhooks.WebhookEndpointController",
            "com.narvark.gateway.webhooks.WebhookDeliveryController",
            "com.narvark.gateway.otp.OtpSearchController",
            "com.narvark.gateway.events.OtpEventsController",
            "com.narvark.gateway.analytics.AnalyticsController",
            "com.narvark.gateway.analytics.FailureAnalyticsController",
            "com.narvark.gateway.projection.ProjectionAdminController",
            "com.narvark.gateway.dashboard.DashboardController",
            "com.narvark.gateway.usage.UsageController",
            "com.narvark.portal.AccessRequestController",
            "com.narvark.portal.OperatorController",
            "com.narvark.portal.OperatorDecisionsController",
            "com.narvark.portal.KeyRevealController",
            "com.narvark.portal.SignInController",
            "com.narvark.portal.ConsoleController",
            "com.narvark.portal.ConsoleWebhooksController",
            "com.narvark.gateway.otp.OtpActionsController",
            "com.narvark.gateway.fraud.FraudGuardController",
            "com.narvark.gateway.message.MessageSettingsController",
            "com.narvark.portal.ConsoleMessagesController");

    /** The container's error page: only error dispatches reach it, a request for {@code /error} is refused. */
    private static final String ERROR_PAGE = "com.narvark.gateway.error.ErrorPathController";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    @Test
    void shouldDescribeEveryRouteWhenTheDocumentIsRead() throws Exception {
        Set<String> served = servedRoutes();
        assertThat(served).as("routes found on the controllers").isNotEmpty();
        served.addAll(exposedActuatorRoutes());

        assertThat(documentedRoutes()).containsExactlyInAnyOrderElementsOf(served);
    }

    /** The route check reads {@link #CONTROLLERS}; a controller missing there would be a route nobody compares. */
    @Test
    void shouldListEveryControllerWhenTheRoutesAreCompared() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Set<String> found = new TreeSet<>();
        for (BeanDefinition controller : scanner.findCandidateComponents("com.narvark")) {
            found.add(controller.getBeanClassName());
        }
        found.remove(ERROR_PAGE);
        assertThat(found).as("@Controller classes on the classpath").containsExactlyInAnyOrderElementsOf(CONTROLLERS);
    }

    @Test
    void shouldDocumentTheActuatorRoutesAsPublicWhenTheyAreListed() throws Exception {
        Map<String, Map<String, Object>> paths = cast(load(DOCUMENT).get("paths"));
        for (String route : ACTUATOR_ROUTES.keySet()) {
            String[] methodAndPath = route.split(" ");
            Map<String, Object> operation = cast(paths.get(methodAndPath[1]).get(methodAndPath[0].toLowerCase()));
            assertThat((List<?>) operation.get("security")).as(route + " needs no credential").isEmpty();
        }
    }

    /** The ITs check every exchange against the document; that is only worth something if the document is sound. */
    @Test
    void shouldReadAsASoundOpenApi31DocumentWhenSwaggerParserResolvesIt() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(
                OpenApiDocumentTest.class.getClassLoader().getResource(DOCUMENT).toString(), null, options);
        assertThat(result.getMessages()).as("what swagger-parser finds unsound in " + DOCUMENT).isEmpty();
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(result.getOpenAPI().getPaths()).hasSameSizeAs((Map<?, ?>) load(DOCUMENT).get("paths"));
    }

    /** The documented actuator routes whose endpoint the configuration exposes over HTTP. */
    private static Set<String> exposedActuatorRoutes() throws IOException {
        Map<String, Map<String, Map<String, Map<String, Object>>>> management = cast(load(CONFIGURATION)
                .get("management"));
        Object include = management.get("endpoints").get("web").get("exposure").get("include");
        List<String> exposed = List.of(String.valueOf(include).split("\\s*,\\s*"));
        Set<String> routes = new HashSet<>();
        ACTUATOR_ROUTES.forEach((route, endpoint) -> {
            assertThat(exposed).as("actuator endpoints exposed in " + CONFIGURATION).contains(endpoint);
            routes.add(route(route.split(" ")[0], route.split(" ")[1]));
        });
        return routes;
    }

    private static Map<String, Object> load(String resource) throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return new Yaml().load(in);
        }
    }

    private static Set<String> documentedRoutes() throws IOException {
        Map<String, Map<String, Object>> paths = cast(load(DOCUMENT).get("paths"));
        assertThat(paths).as("paths of " + DOCUMENT).isNotNull();
        Set<String> routes = new HashSet<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(method -> routes.add(route(method, path))));
        return routes;
    }

    private static Set<String> servedRoutes() throws ClassNotFoundException {
        Set<String> routes = new HashSet<>();
        for (String name : CONTROLLERS) {
            Class<?> controller = Class.forName(name);
            RequestMapping base = controller.getAnnotation(RequestMapping.class);
            String[] prefixes = base == null ? new String[0] : paths(base.value(), base.path());
            for (Method method : controller.getDeclaredMethods()) {
                GetMapping get = method.getAnnotation(GetMapping.class);
                PostMapping post = method.getAnnotation(PostMapping.class);
                DeleteMapping delete = method.getAnnotation(DeleteMapping.class);
                // A method-level @RequestMapping, PUT or PATCH would be a route this check cannot see or compare.
                assertThat(method.getAnnotation(RequestMapping.class)).as(name + "." + method.getName()
                        + ": routes are declared with @GetMapping, @PostMapping or @DeleteMapping").isNull();
                assertThat(method.getAnnotation(PutMapping.class) == null
                        && method.getAnnotation(PatchMapping.class) == null).as(name + "." + method.getName()
                        + " uses PUT or PATCH: add it to this check and to " + DOCUMENT).isTrue();
                if (get != null) {
                    addRoutes(routes, "get", prefixes, paths(get.value(), get.path()));
                }
                if (post != null) {
                    addRoutes(routes, "post", prefixes, paths(post.value(), post.path()));
                }
                if (delete != null) {
                    addRoutes(routes, "delete", prefixes, paths(delete.value(), delete.path()));
                }
            }
        }
        return routes;
    }

    /** {@code value} and {@code path} are aliases; plain reflection sees only the one that was written. */
    private static String[] paths(String[] value, String[] path) {
        return value.length > 0 ? value : path;
    }

    private static void addRoutes(Set<String> routes, String method, String[] prefixes, String[] paths) {
        String[] bases = prefixes.length == 0 ? new String[] {""} : prefixes;
        String[] suffixes = paths.length == 0 ? new String[] {""} : paths;
        for (String base : bases) {
            for (String suffix : suffixes) {
                routes.add(route(method, base + suffix));
            }
        }
    }

    /** Path variables match whatever their names, so {@code {id}} and {@code {otpId}} are both {@code {}}. */
    private static String route(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{[^}]*}", "{}");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
