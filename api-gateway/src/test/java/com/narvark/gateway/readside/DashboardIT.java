package com.narvark.gateway.readside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core ({@code e2e/dashboard.mjs}) signs in
 * with a key, waits for the charts and checks they show the seeded numbers; the screenshot lands in
 * {@code target/dashboard.png}. Needs {@code /usr/bin/chromium} and {@code npm ci --prefix e2e}. {@code NARVARK_E2E}
 * says what happens without them: {@code auto} (the default, so a fresh checkout's test command passes) skips the
 * test visibly, {@code required} (what .ci/run sets, after installing both) fails it, {@code off} always skips.
 */
class DashboardIT extends GatewayIntegrationTest {

    private static final Path E2E = Path.of("..", "e2e").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @LocalServerPort
    private int port;

    @Test
    void shouldDrawChartsOfTheSeededOtpsWhenSignedInWithTheKey() throws IOException, InterruptedException {
        String mode = System.getenv().getOrDefault("NARVARK_E2E", "auto");
        assumeThat(mode).as("browser test switched off (NARVARK_E2E=off)").isNotEqualTo("off");
        boolean ready = Files.isExecutable(CHROMIUM) && Files.isDirectory(E2E.resolve("node_modules/playwright-core"));
        if (!mode.equals("required")) {
            assumeThat(ready).as("browser test skipped: apt-get install chromium && npm ci --prefix e2e").isTrue();
        }
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium)").isExecutable();
        assertThat(E2E.resolve("node_modules/playwright-core")).as("npm ci --prefix e2e").isDirectory();

        Keys keys = newAccount();
        String[][] sends = {{"+447400123456", "sms"}, {"+33612345678", "sms"}, {"jane@example.com", "email"},
                {"+4915112345678", "voice"}};
        String lastId = null;
        for (int i = 0; i < sends.length; i++) {
            lastId = api.post("/v1/otp/send", keys.test(), Api.json(Map.of("to", sends[i][0], "channel",
                    sends[i][1]))).text("id");
            if (i % 2 == 0) {
                api.post("/v1/otp/verify", keys.test(), Api.json(Map.of("id", lastId, "code", "123456")));
            }
        }
        String last = lastId;
        await(() -> "delivered".equals(api.get("/v1/otp/" + last, keys.test()).text("status")),
                Duration.ofSeconds(20));
        // A magic number whose every channel fails as blocked: the failures table has one row.
        String blocked = api.post("/v1/otp/send", keys.test(), Api.json(Map.of("to", "+15005550012", "channel",
                "sms"))).text("id");
        await(() -> "failed".equals(api.get("/v1/otp/" + blocked, keys.test()).text("status"))
                && api.get("/v1/analytics/failures", keys.test()).json().get("data").size() == 1,
                Duration.ofSeconds(20));
        await(() -> api.get("/v1/analytics?group_by=channel", keys.test()).json().get("data").size() == 3
                && api.get("/v1/analytics?group_by=channel", keys.test()).body().contains("\"delivered\":2"),
                Duration.ofSeconds(20));

        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        Path log = Path.of("target", "dashboard-e2e.log").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        ProcessBuilder node = new ProcessBuilder("node", "dashboard.mjs").directory(E2E.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().putAll(Map.of("NARVARK_URL", "http://127.0.0.1:" + port, "NARVARK_KEY", keys.test(),
                "EXPECT_SENT", Integer.toString(sends.length + 1), "EXPECT_CHANNELS", "email,sms,voice",
                "SCREENSHOT", screenshot.toString(), "CHROMIUM", CHROMIUM.toString()));
        Process process = node.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("browser test finished in time: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(screenshot).isRegularFile();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }
}
