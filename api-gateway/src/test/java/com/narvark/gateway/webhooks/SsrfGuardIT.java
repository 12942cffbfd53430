package com.narvark.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Nodes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** With the allowlist off (the production default), URLs reaching internal addresses are refused at registration. */
class SsrfGuardIT {

    private static ConfigurableApplicationContext node;
    private static Api api;
    private static String key;

    @BeforeAll
    static void start() {
        // Its sender is off: the other test nodes share this database and their loopback receivers.
        node = Nodes.start(Map.of("narvark.webhooks.allowed-networks", "",
                "narvark.webhooks.sender.enabled", false));
        api = Nodes.api(node);
        key = Nodes.liveKey(api);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void shouldRefuseInternalAddressesWhenTheAllowlistIsOff() {
        for (String url : List.of("http://127.0.0.1/hook", "http://localhost:8080/hook", "http://[::1]/hook",
                "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data/", "http://0x7f000001/hook",
                "http://[::ffff:127.0.0.1]/hook", "http://2130706433/hook", "http://0177.0.0.1/hook",
                "https://192.168.1.10/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook",
                "http://100.100.100.200/hook", "http://[fe80::1]/hook", "http://host.invalid/hook")) {
            Api.Response answer = api.post("/v1/webhook_endpoints", key, Api.json(Map.of("url", url)));
            assertThat(answer.status()).as(url + " → " + answer).isEqualTo(400);
            assertThat(answer.json().get("error").get("param").asString()).isEqualTo("url");
        }
        assertThat(api.get("/v1/webhook_endpoints", key).json().get("data")).isEmpty();
    }

    @Test
    void shouldAcceptAPublicAddressWhenTheAllowlistIsOff() {
        Api.Response answer = api.post("/v1/webhook_endpoints", key,
                Api.json(Map.of("url", "https://93.184.215.14/hook", "events", List.of("otp.failed"))));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        api.delete("/v1/webhook_endpoints/" + answer.text("id"), key);
    }
}
