package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Nodes;
import com.narvark.gateway.support.SandboxInbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two gateways on one database. Concurrent verifies on both nodes collide on the event store's unique key; the
 * losers retry against the new state, so exactly one succeeds and nobody gets a 500.
 */
class TwoNodesIT {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startNodes() {
        first = Nodes.start();
        second = Nodes.start();
    }

    @AfterAll
    static void stopNodes() {
        second.close();
        first.close();
    }

    @Test
    void shouldAcceptExactlyOneWhenTwoNodesRaceToVerifyTheRightCode() throws Exception {
        Api one = Nodes.api(first);
        Api two = Nodes.api(second);
        String key = Nodes.liveKey(one);
        for (int round = 0; round < 3; round++) {
            String otpId = one.post("/v1/otp/send", key, "{\"to\":\"+447911123456\",\"channel\":\"sms\"}").text("id");
            String code = SandboxInbox.code(two, key, otpId);
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Api node = i % 2 == 0 ? one : two;
                answers.add(pool.submit(() -> {
                    start.await();
                    return node.post("/v1/otp/verify", key, Api.json(Map.of("id", otpId, "code", code)));
                }));
            }
            start.countDown();
            int valid = 0;
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                valid += response.json().get("valid").asBoolean() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(valid).isEqualTo(1);
        }
    }

    @Test
    void shouldServeAnOtpFromEitherNodeWhenItWasSentToOne() {
        Api one = Nodes.api(first);
        Api two = Nodes.api(second);
        String key = Nodes.liveKey(two);
        String otpId = two.post("/v1/otp/send", key, "{\"to\":\"jane@example.com\",\"channel\":\"email\"}").text("id");
        assertThat(one.get("/v1/otp/" + otpId, key).status()).isEqualTo(200);
        String code = SandboxInbox.code(one, key, otpId);
        JsonNode verified = one.post("/v1/otp/verify", key, Api.json(Map.of("id", otpId, "code", code))).json();
        assertThat(verified.get("valid").asBoolean()).isTrue();
    }
}
