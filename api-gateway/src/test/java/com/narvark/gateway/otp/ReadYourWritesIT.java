package com.narvark.gateway.otp;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** GET /v1/otp/{id} shows the effect of a command that has answered, however far behind the projection is. */
class ReadYourWritesIT extends GatewayIntegrationTest {

    private static final int TRIES = 50;
    private static final int LOAD_THREADS = 3;
    /** Per load thread, well inside a key's 1,000 requests a minute. */
    private static final int LOAD_REQUESTS_MAX = 400;

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private JdbcClient jdbc;

    private String send(String key) {
        Api.Response sent = api.post("/v1/otp/send", key, Api.json(Map.of("to", "+15005550001", "channel", "sms")));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.text("id");
    }

    private boolean verify(String key, String otp, String code) {
        return api.post("/v1/otp/verify", key, Api.json(Map.of("id", otp, "code", code))).json().get("valid")
                .asBoolean();
    }

    private String projectedStatus(String otp) {
        return jdbc.sql("SELECT status FROM otp_query.otp_status WHERE otp_id = ?")
                .param(otp).query(String.class).optional()
                .orElse(null);
    }

    @Test
    void shouldShowVerifiedAtOnceWhenTheStatusProjectionHasNotSeenTheVerify() {
        Keys keys = newAccount();
        String otp = send(keys.test());
        await(() -> "delivered".equals(projectedStatus(otp)), Duration.ofSeconds(10));
        TrackingEventProcessor projection = processing.eventProcessor("otp-status", TrackingEventProcessor.class)
                .orElseThrow();
        projection.shutDown();
        try {
            assertThat(verify(keys.test(), otp, "123456")).isTrue();

            JsonNode status = api.get("/v1/otp/" + otp, keys.test()).json();

            assertThat(status.get("status").asString()).isEqualTo("verified");
            assertThat(status.get("attempts_used").asInt()).isEqualTo(1);
            assertThat(status.get("verified_at").isNull()).isFalse();
            assertThat(projectedStatus(otp)).as("the row is still behind").isEqualTo("delivered");
        } finally {
            projection.start();
        }
        await(() -> "verified".equals(projectedStatus(otp)), Duration.ofSeconds(10));
    }

    @Test
    void shouldReadVerifiedEveryTimeWhenReadRightAfterTheVerifyUnderLoad() throws Exception {
        Keys keys = newAccount();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS);
        List<Future<Integer>> loaders = new ArrayList<>();
        for (int t = 0; t < LOAD_THREADS; t++) {
            String loadKey = newAccount().test();
            loaders.add(load.submit(() -> {
                int requests = 0;
                while (!done.get() && requests < LOAD_REQUESTS_MAX) {
                    String other = send(loadKey);
                    verify(loadKey, other, "000000");
                    requests += 2;
                }
                return requests;
            }));
        }
        int verifiedReads = 0;
        int projectionBehind = 0;
        try {
            for (int i = 0; i < TRIES; i++) {
                String otp = send(keys.test());
                assertThat(verify(keys.test(), otp, "123456")).isTrue();
                verifiedReads += "verified".equals(api.get("/v1/otp/" + otp, keys.test()).text("status")) ? 1 : 0;
                projectionBehind += "verified".equals(projectedStatus(otp)) ? 0 : 1;
            }
        } finally {
            done.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        int loadRequests = 0;
        for (Future<Integer> loader : loaders) {
            loadRequests += loader.get();
        }

        assertThat(loadRequests).as("requests of the concurrent load").isPositive();
        assertThat(verifiedReads).as("reads right after a verify that showed verified (the projection was behind "
                + projectionBehind + " times)").isEqualTo(TRIES);
    }
}
