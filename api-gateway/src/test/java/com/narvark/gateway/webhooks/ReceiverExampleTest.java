package com.narvark.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The receiver helper customers copy (docs/webhooks/NarvarkWebhookVerifier.java) compiles and accepts exactly the
 * signatures the documentation describes; checked against the Standard Webhooks reference vector.
 */
class ReceiverExampleTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static Class<?> verifier;

    @BeforeAll
    static void compile() throws Exception {
        Path source = Path.of("..", "docs", "webhooks", "NarvarkWebhookVerifier.java");
        Path out = Files.createTempDirectory("verifier");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(),
                source.toString());
        assertThat(status).as("javac of " + source).isZero();
        verifier = new URLClassLoader(new URL[] {out.toUri().toURL()}).loadClass("NarvarkWebhookVerifier");
    }

    private static boolean verify(Instant now, byte[] body, String signature) throws Exception {
        Object instance = verifier.getConstructor(String.class, Clock.class)
                .newInstance(SECRET, Clock.fixed(now, ZoneOffset.UTC));
        Method verify = verifier.getMethod("verify", byte[].class, String.class, String.class, String.class,
                String.class);
        return (boolean) verify.invoke(instance, body, ID, TIMESTAMP, signature, null);
    }

    @Test
    void shouldAcceptTheReferenceSignatureWhenItIsRecent() throws Exception {
        assertThat(verify(Instant.ofEpochSecond(1614265330L + 60), BODY, SIGNATURE)).isTrue();
        assertThat(verify(Instant.ofEpochSecond(1614265330L), BODY, "v1,bm9wZQ== " + SIGNATURE)).isTrue();
    }

    @Test
    void shouldRefuseTheMessageWhenItIsOldAlteredOrUnsigned() throws Exception {
        assertThat(verify(Instant.ofEpochSecond(1614265330L + 600), BODY, SIGNATURE)).isFalse();
        assertThat(verify(Instant.ofEpochSecond(1614265330L), "{\"test\": 2432232315}".getBytes(
                StandardCharsets.UTF_8), SIGNATURE)).isFalse();
        assertThat(verify(Instant.ofEpochSecond(1614265330L), BODY, "v1,bm9wZQ==")).isFalse();
    }
}
