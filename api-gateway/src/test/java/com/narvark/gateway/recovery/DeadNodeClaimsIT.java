package com.narvark.gateway.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.SandboxInbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node killed with -9 leaves its segments claimed. Here every delivery segment is handed to such a dead owner
 * (its claim fresh, exactly what kill -9 leaves), and this node must take them back once the claim times out (3 s)
 * and dispatch what was sent meanwhile. With Axon's defaults (10 s claims, a 5 s claim interval) it took 10.5 to
 * 12.2 s after a kill.
 */
class DeadNodeClaimsIT extends GatewayIntegrationTest {

    private static final String PROCESSOR = "otp-delivery";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldTakeADeadNodesSegmentsBackWhenItsClaimTimesOut() {
        String key = newAccount().live();
        await(() -> jdbc.sql("SELECT min(owner) FROM tokenentry WHERE processorname = ?")
                .param(PROCESSOR).query(String.class).optional().orElse(null), Duration.ofSeconds(10));
        Instant killed = Instant.now();
        int segments = jdbc.sql("UPDATE tokenentry SET owner = 'killed-node', timestamp = ? WHERE processorname = ?")
                .params(DateTimeUtils.formatInstant(killed), PROCESSOR).update();
        assertThat(segments).isPositive();
        Api.Response sent = api.post("/v1/otp/send", key, Api.json(Map.of("to", "+447911123457", "channel", "sms")));
        assertThat(sent.status()).isEqualTo(200);

        // Taken back by a live node: this one, or another test context running on the same database (each node
        // claims under a name of its own).
        await(() -> owners().stream().noneMatch(o -> o.isEmpty() || o.equals("killed-node")), Duration.ofSeconds(15));
        Duration takenBack = Duration.between(killed, Instant.now());
        assertThat(SandboxInbox.code(api, key, sent.text("id"))).isNotBlank();
        assertThat(takenBack).as("segments back after %s", takenBack).isLessThan(Duration.ofSeconds(5));
    }

    private List<String> owners() {
        return jdbc.sql("SELECT DISTINCT coalesce(owner, '') FROM tokenentry WHERE processorname = ?")
                .param(PROCESSOR).query(String.class).list();
    }
}
