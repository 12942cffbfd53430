package com.narvark.gateway.contract;

import java.util.List;

/** An exchange that openapi.yaml does not describe: it fails the test that made it, saying what differs and where. */
public final class ContractViolation extends AssertionError {

    private static final int SHOWN = 1500;

    ContractViolation(Exchange exchange, String operation, List<String> problems) {
        super(message(exchange, operation, problems));
    }

    private static String message(Exchange exchange, String operation, List<String> problems) {
        StringBuilder message = new StringBuilder("off the contract (openapi.yaml): ").append(exchange.method())
                .append(' ').append(exchange.uri().getRawPath())
                .append(exchange.uri().getRawQuery() == null ? "" : "?" + exchange.uri().getRawQuery())
                .append(" answered ").append(exchange.status()).append(" [").append(operation).append("]\n");
        problems.forEach(problem -> message.append("  - ").append(problem).append('\n'));
        message.append("  request body: ").append(shown(exchange.requestBody())).append('\n');
        message.append("  response ").append(exchange.responseHeader("Content-Type")).append(": ")
                .append(shown(exchange.responseBody()));
        return message.toString();
    }

    private static String shown(String body) {
        if (body == null || body.isEmpty()) {
            return "(none)";
        }
        return body.length() <= SHOWN ? body : body.substring(0, SHOWN) + "… (" + body.length() + " characters)";
    }
}
