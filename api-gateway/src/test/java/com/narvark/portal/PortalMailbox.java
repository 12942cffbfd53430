package com.narvark.portal;

import com.narvark.gateway.support.MessageCodes;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.query.FindSandboxMessagesQuery;
import com.narvark.otp.api.query.SandboxMessageView;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tests' view of what the portal "emailed" in sandbox mode, over loopback HTTP for the browser script:
 * {@code /mail?to=…&subject=…} answers the newest portal email's body (from the sealed outbox), {@code /code?to=…}
 * the newest sign-in code the sandbox carrier received for the portal's own account. 404 until there is one.
 */
final class PortalMailbox implements AutoCloseable {

    private final HttpServer server;
    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final QueryGateway queries;

    PortalMailbox(JdbcClient jdbc, SecretCipher cipher, QueryGateway queries) throws IOException {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.queries = queries;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/mail", exchange -> answer(exchange, mail(params(exchange).get("to"),
                params(exchange).getOrDefault("subject", ""))));
        server.createContext("/code", exchange -> answer(exchange, code(params(exchange).get("to"))));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Optional<String> mail(String to, String subject) {
        return jdbc.sql("""
                SELECT message_id, body_ciphertext FROM accounts.portal_outbox WHERE to_address = ? AND subject LIKE ?
                ORDER BY created_at DESC, message_id LIMIT 1
                """)
                .params(to, "%" + subject + "%")
                .query((rs, row) -> cipher.decrypt(rs.getBytes("body_ciphertext"), rs.getString("message_id")))
                .optional();
    }

    Optional<String> code(String to) {
        Optional<String> otpId = jdbc.sql("""
                SELECT otp_id FROM otp_delivery.sandbox_messages WHERE account_id = ? AND to_address = ?
                ORDER BY received_at DESC LIMIT 1
                """).params(SignInController.PORTAL_ACCOUNT, to).query(String.class).optional();
        return otpId.flatMap(id -> {
            List<SandboxMessageView> messages = queries.query(new FindSandboxMessagesQuery(id,
                    SignInController.PORTAL_ACCOUNT), ResponseTypes.multipleInstancesOf(SandboxMessageView.class))
                    .join();
            return messages.isEmpty() ? Optional.empty()
                    : Optional.of(MessageCodes.in(messages.get(messages.size() - 1).text()));
        });
    }

    private static void answer(HttpExchange exchange, Optional<String> body) throws IOException {
        byte[] bytes = body.orElse("").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(body.isPresent() ? 200 : 404, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> params(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                params.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
