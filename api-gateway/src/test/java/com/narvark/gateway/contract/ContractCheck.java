package com.narvark.gateway.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the tests' real HTTP exchanges against openapi.yaml. Every answer on a documented path, and every answer
 * under {@code /v1/}, must be what the document says. A request that breaks the document may only be refused with
 * a 4xx (the service rightly turned down what the contract does not allow); answered otherwise, the document and the
 * service disagree about what is allowed. Hostile tests that send such requests on purpose need no opt-out for
 * that, only those whose off-contract request is meant to succeed.
 */
public final class ContractCheck {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final ContractCheck SHARED = new ContractCheck(ContractDocument.shared());

    private final ContractDocument document;
    private final DocumentedPaths paths;
    private final RequestCheck requests;
    private final ResponseCheck responses;

    private ContractCheck(ContractDocument document) {
        this.document = document;
        this.paths = new DocumentedPaths(document.root().get("paths").value().propertyNames());
        this.requests = new RequestCheck(document);
        this.responses = new ResponseCheck(document);
    }

    public static ContractCheck shared() {
        return SHARED;
    }

    /** Throws a {@link ContractViolation} naming each problem; {@code checkRequest} false checks the answer only. */
    public void verify(Exchange exchange, boolean checkRequest) {
        List<String> problems = problems(exchange, checkRequest);
        if (!problems.isEmpty()) {
            throw new ContractViolation(exchange, operationName(exchange), problems);
        }
    }

    List<String> problems(Exchange exchange, boolean checkRequest) {
        if (exchange.status() == 0) {
            return List.of(); // no answer came (a connection the server closed): nothing to compare
        }
        String path = exchange.uri().getRawPath();
        Optional<DocumentedPaths.Route> route = paths.match(path);
        if (!canonical(path)) {
            // Refused before any route (the firewall, or Tomcat for an encoded NUL, slash or backslash): the document's
            // Errors section applies, not the operation the path resembles.
            return ErrorAnswer.problems(document, exchange, "a non-canonical path");
        }
        if (route.isEmpty()) {
            return path.startsWith("/v1/") ? ErrorAnswer.problems(document, exchange, "no documented path")
                    : List.of();
        }
        DocumentNode pathItem = document.root().get("paths").get(route.get().template());
        DocumentNode operation = operation(pathItem, exchange.method());
        if (operation == null) {
            List<String> problems = new ArrayList<>(ErrorAnswer.problems(document, exchange,
                    exchange.method() + " is not documented for " + route.get().template()));
            problems.addAll(ErrorAnswer.allowHeader(exchange, documentedMethods(pathItem)));
            return problems;
        }
        List<String> problems = new ArrayList<>();
        responses.problems(operation, exchange).forEach(problem -> problems.add("response " + problem));
        if (checkRequest && exchange.status() / 100 != 4) {
            requests.problems(pathItem, operation, route.get().variables(), exchange).forEach(problem -> problems.add(
                    "request " + problem + " (off the contract, yet answered " + exchange.status() + ", not 4xx)"));
        }
        return problems;
    }

    /** No encoded characters, path parameters, backslashes, empty or dot segments: what the gateway's firewall takes. */
    private static boolean canonical(String rawPath) {
        return !rawPath.contains("%") && !rawPath.contains(";") && !rawPath.contains("\\") && !rawPath.contains("//")
                && !rawPath.matches(".*/\\.{1,2}(/.*)?");
    }

    /** HEAD is GET without the body, as HTTP has it; the document lists GET only. */
    private static DocumentNode operation(DocumentNode pathItem, String method) {
        String name = method.toLowerCase(Locale.ROOT);
        if (name.equals("head")) {
            name = "get";
        }
        DocumentNode operation = pathItem.get(name);
        return METHODS.contains(name) && operation.present() ? operation : null;
    }

    private static Set<String> documentedMethods(DocumentNode pathItem) {
        Set<String> methods = new TreeSet<>();
        pathItem.value().propertyNames().stream().filter(METHODS::contains)
                .forEach(method -> methods.add(method.toUpperCase(Locale.ROOT)));
        return methods;
    }

    private String operationName(Exchange exchange) {
        return paths.match(exchange.uri().getRawPath()).map(route -> {
            DocumentNode operation = operation(document.root().get("paths").get(route.template()), exchange.method());
            String id = operation == null ? "no operation" : operation.value().path("operationId").asString("?");
            return id + " at " + route.template();
        }).orElse("no documented path");
    }
}
