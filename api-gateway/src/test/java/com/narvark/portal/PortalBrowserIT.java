package com.narvark.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.narvark.gateway.NarvarkApplication;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.TestSettings;
import com.narvark.otp.api.crypto.SecretCipher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The developer portal in a real browser ({@code e2e/portal.mjs}: Debian's chromium driven by playwright-core):
 * access form → operator approval → the one-time link shows the keys once → the key sends an OTP → console sign-in
 * by emailed code → create and revoke a key → add a webhook endpoint. Screenshots of every page land in
 * {@code target/portal-screenshots}. {@code NARVARK_E2E} works as in DashboardIT (auto skips without the browser,
 * required fails, off skips).
 */
@SpringBootTest(classes = NarvarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalBrowserIT extends GatewayIntegrationTest {

    private static final Path E2E = Path.of("..", "e2e").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private SecretCipher cipher;
    @Autowired
    private QueryGateway queries;

    @Test
    void shouldTakeACustomerFromTheAccessFormToAWorkingKeyWhenDrivenInABrowser()
            throws IOException, InterruptedException {
        String mode = System.getenv().getOrDefault("NARVARK_E2E", "auto");
        assumeThat(mode).as("browser test switched off (NARVARK_E2E=off)").isNotEqualTo("off");
        boolean ready = Files.isExecutable(CHROMIUM) && Files.isDirectory(E2E.resolve("node_modules/playwright-core"));
        if (!mode.equals("required")) {
            assumeThat(ready).as("browser test skipped: apt-get install chromium && npm ci --prefix e2e").isTrue();
        }
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium)").isExecutable();

        Path screenshots = Path.of("target", "portal-screenshots").toAbsolutePath();
        Path log = Path.of("target", "portal-e2e.log").toAbsolutePath();
        String email = "jane." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (PortalMailbox mailbox = new PortalMailbox(jdbc, cipher, queries)) {
            ProcessBuilder node = new ProcessBuilder("node", "portal.mjs").directory(E2E.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            node.environment().putAll(Map.of("NARVARK_URL", "http://127.0.0.1:" + port, "PORTAL_BASE_URL",
                    TestSettings.PORTAL_BASE_URL, "MAILBOX_URL", mailbox.url(), "ADMIN_TOKEN", ADMIN_TOKEN, "EMAIL",
                    email, "SCREENSHOTS", screenshots.toString(), "CHROMIUM", CHROMIUM.toString()));
            Process process = node.start();
            boolean finished = process.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished).as("browser test finished in time: " + output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        }
        try (Stream<Path> files = Files.list(screenshots)) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(15);
        }
        // Who approved what, and when, is on record; no key or token is.
        String trail = String.join("\n", jdbc.sql("SELECT actor || ' ' || action || ' ' || coalesce(detail, '') "
                + "FROM accounts.portal_audit ORDER BY audit_id").query(String.class).list());
        assertThat(trail).contains("Olga Operator request_approved", email + " console_signed_in",
                email + " key_revoked", email + " webhook_endpoint_created");
        assertThat(trail).doesNotContain("nvk_test_sk_", "nvk_live_sk_", "whsec_");
    }
}
