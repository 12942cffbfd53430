package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookSignerTest {

    private static final String RFC4231_CASE2_HMAC =
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    /** RFC 4231 test case 2's key ("Jefe") as a webhook secret: the key is the part after whsec_, base64-decoded. */
    private static final String JEFE = "whsec_" + Base64.getEncoder().encodeToString(
            "Jefe".getBytes(StandardCharsets.US_ASCII));

    @Test
    void shouldMatchRfc4231TestCase2WhenSigningWithHmacSha256() {
        byte[] mac = WebhookSigner.hmac("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

        assertThat(HexFormat.of().formatHex(mac)).isEqualTo(RFC4231_CASE2_HMAC);
    }

    @Test
    void shouldSignTheRawBodyInHexWhenBuildingTheNarvarkHeader() {
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

        assertThat(WebhookSigner.narvarkSignature(List.of(JEFE), body)).isEqualTo(RFC4231_CASE2_HMAC);
    }

    @Test
    void shouldSignIdTimestampAndBodyInBase64WhenBuildingTheStandardHeader() {
        byte[] body = "ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

        // "what do" + "." + "ya want for nothing?" is not the RFC message; build the signed content by hand instead.
        String header = WebhookSigner.standardSignature(List.of(JEFE), "evt_1", 1614265330L, body);

        byte[] expected = WebhookSigner.hmac("Jefe".getBytes(StandardCharsets.US_ASCII),
                "evt_1.1614265330.ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(header).isEqualTo("v1," + Base64.getEncoder().encodeToString(expected));
    }

    @Test
    void shouldMatchTheStandardWebhooksReferenceVectorWhenSigning() {
        String header = WebhookSigner.standardSignature(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldSignWithEverySecretWhenTwoAreActive() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String other = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);

        assertThat(WebhookSigner.narvarkSignature(List.of(JEFE, other), body).split(",")).hasSize(2);
        assertThat(WebhookSigner.standardSignature(List.of(JEFE, other), "evt_1", 1L, body).split(" "))
                .hasSize(2).allMatch(part -> part.startsWith("v1,"));
    }

    /** The vectors every SDK checks too (sdks/test-vectors): the signer must stay byte-compatible with them. */
    private static final Path VECTORS = Path.of("..", "sdks", "test-vectors", "webhook-signatures.json");

    static Stream<JsonNode> validVectors() throws IOException {
        return StreamSupport.stream(new ObjectMapper().readTree(VECTORS.toFile()).get("valid").spliterator(), false);
    }

    static Stream<JsonNode> invalidVectors() throws IOException {
        return StreamSupport.stream(new ObjectMapper().readTree(VECTORS.toFile()).get("invalid").spliterator(), false);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("validVectors")
    void shouldProduceTheSharedVectorsHeadersWhenSigningTheirBody(JsonNode vector) {
        List<String> secrets = StreamSupport.stream(vector.get("secrets").spliterator(), false)
                .map(JsonNode::asText).toList();
        byte[] body = vector.get("body").asText().getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSigner.narvarkSignature(secrets, body)).as(vector.get("name").asText())
                .isEqualTo(vector.get("x_narvark_signature").asText());
        assertThat(WebhookSigner.standardSignature(secrets, vector.get("id").asText(),
                vector.get("timestamp").asLong(), body)).as(vector.get("name").asText())
                .isEqualTo(vector.get("webhook_signature").asText());
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("invalidVectors")
    void shouldNotProduceATamperedVectorsSignatureWhenSigningWhatWasReceived(JsonNode vector) {
        JsonNode headers = vector.get("headers");
        List<String> secrets = List.of(vector.get("secret").asText());
        byte[] body = vector.get("body").asText().getBytes(StandardCharsets.UTF_8);
        String id = headers.path("webhook-id").asText("");
        String timestamp = headers.path("webhook-timestamp").asText("");
        boolean standardMatches = timestamp.matches("[0-9]+") && headers.has("webhook-signature")
                && List.of(headers.get("webhook-signature").asText().split(" "))
                .contains(WebhookSigner.standardSignature(secrets, id, Long.parseLong(timestamp), body));
        boolean narvarkMatches = List.of(headers.path("x-narvark-signature").asText("").split(","))
                .contains(WebhookSigner.narvarkSignature(secrets, body));
        long age = timestamp.matches("[0-9]+")
                ? Math.abs(vector.get("now").asLong() - Long.parseLong(timestamp)) : Long.MAX_VALUE;

        // Tampered: one of the signatures no longer matches, or the timestamp falls outside the tolerance.
        assertThat(standardMatches && narvarkMatches && !id.isEmpty() && age <= 300)
                .as(vector.get("name").asText()).isFalse();
    }

    @Test
    void shouldRefuseASecretWhenItLacksThePrefix() {
        assertThatThrownBy(() -> WebhookSigner.key("Jefe")).isInstanceOf(IllegalArgumentException.class);
    }
}
