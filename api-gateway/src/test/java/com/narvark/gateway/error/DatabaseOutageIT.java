package com.narvark.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Await;
import com.narvark.gateway.support.Nodes;
import com.narvark.gateway.support.TcpProxy;
import com.narvark.gateway.support.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A gateway whose PostgreSQL goes away (its connections cut, new ones refused) answers every request, whichever
 * layer first needs the database (the API-key lookup in the security chain, the command, the admin API), with
 * {@code 503 service_unavailable}, {@code Retry-After} and a Request-Id, never a 500 or Spring's default body; and
 * it answers normally again once the database is back.
 */
class DatabaseOutageIT {

    private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)/");
    private static final String SEND = Api.json(Map.of("to", "+447911123456", "channel", "sms"));

    private static TcpProxy proxy;
    private static ConfigurableApplicationContext node;

    @BeforeAll
    static void nodeBehindAProxy() throws Exception {
        String url = TestDatabase.jdbcUrl("outage");
        Matcher server = HOST_PORT.matcher(url);
        if (!server.find()) {
            throw new IllegalStateException("no host:port in " + url);
        }
        proxy = new TcpProxy(server.group(1), Integer.parseInt(server.group(2)));
        node = Nodes.start(Map.of("spring.datasource.url", server.replaceFirst("//127.0.0.1:" + proxy.port() + "/"),
                "spring.datasource.hikari.connection-timeout", "1000"));
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.restore();
        node.close();
        proxy.close();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileTheDatabaseIsUnreachableAndRecoverAfter() throws Exception {
        Api api = Nodes.api(node);
        String key = Nodes.liveKey(api);
        assertThat(api.post("/v1/otp/send", key, SEND).status()).isEqualTo(200);

        proxy.cut();
        assertUnavailable(api.post("/v1/otp/send", key, SEND));
        assertUnavailable(api.get("/v1/otp/otp_00000000000000000000000000", key));
        assertUnavailable(api.post("/v1/admin/accounts", Nodes.ADMIN, "{\"name\":\"during the outage\"}"));

        proxy.restore();
        Api.Response after = Await.until(() -> {
            Api.Response sent = api.post("/v1/otp/send", key, SEND);
            return sent.status() == 200 ? sent : null;
        }, Duration.ofSeconds(20));
        assertThat(after.text("status")).isEqualTo("pending");
    }

    private static void assertUnavailable(Api.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.json().path("error").path("code").asString()).isEqualTo("service_unavailable");
        assertThat(answer.headers().firstValue("Retry-After")).contains("2");
        assertThat(answer.headers().firstValue("Request-Id").orElse("")).startsWith("req_");
    }
}
