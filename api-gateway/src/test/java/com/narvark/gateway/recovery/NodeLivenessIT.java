package com.narvark.gateway.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.delivery.NodeLiveness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The delivery heartbeats over PostgreSQL: who counts as gone, on the database's clock. */
class NodeLivenessIT extends GatewayIntegrationTest {

    @Autowired
    private NodeLiveness nodes;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldTellASilentNodeFromALiveOne() {
        jdbc.sql("INSERT INTO otp_delivery.delivery_nodes (node_id, seen_at) "
                + "VALUES ('silent', now() - interval '5 seconds'), ('beating', now()) "
                + "ON CONFLICT (node_id) DO UPDATE SET seen_at = excluded.seen_at").update();


        assertThat(nodes.gone("silent")).isTrue();
        assertThat(nodes.gone("beating")).isFalse();
        assertThat(nodes.gone("never-seen")).as("unknown, or removed after a clean shutdown").isTrue();
        assertThat(nodes.gone(nodes.self())).isFalse();
    }

    @Test
    void shouldKeepThisNodesRowFresh() throws InterruptedException {
        Thread.sleep(1_200);
        Boolean fresh = jdbc.sql("SELECT seen_at > now() - interval '1 second' FROM otp_delivery.delivery_nodes "
                        + "WHERE node_id = ?")
                .param(nodes.self()).query(Boolean.class).single();
        assertThat(fresh).isTrue();
    }
}
