package com.narvark.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.RawHttp;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The carrier callbacks are served by otp-delivery, and still answer every refusal in the API's error shape with a
 * Request-Id, like any route of the gateway. The shared test configuration has no carrier secrets, so every signed
 * callback is refused.
 */
class CarrierCallbackErrorsIT extends GatewayIntegrationTest {

    private static final Map<String, String> SIGNATURES = Map.of("X-Twilio-Signature", "AAAA",
            "X-Hub-Signature-256", "sha256=00");

    @Test
    void shouldAnswerUnauthorizedInTheErrorShapeWhenACallbackCannotBeAuthenticated() throws IOException {
        assertError(send("POST", "/callbacks/whatsapp", "application/json", "{\"entry\":[]}"), 401, "unauthorized");
        assertError(send("POST", "/callbacks/twilio", "application/x-www-form-urlencoded",
                "MessageSid=SM1&MessageStatus=delivered"), 401, "unauthorized");
    }

    @Test
    void shouldAnswerForbiddenInTheErrorShapeWhenTheHandshakeTokenIsWrong() throws IOException {
        assertError(send("GET", "/callbacks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1",
                null, null), 403, "forbidden");
    }

    @Test
    void shouldAnswerNotFoundInTheErrorShapeWhenNoCallbackRouteMatches() throws IOException {
        assertError(send("PUT", "/callbacks/twilio", "application/x-www-form-urlencoded", "a=b"), 404, "not_found");
        assertError(send("GET", "/callbacks/twilio", null, null), 404, "not_found");
        assertError(send("POST", "/callbacks/other", "application/json", "{}"), 404, "not_found");
    }

    @Test
    void shouldAnswerUnsupportedMediaTypeInTheErrorShapeWhenTheBodyIsOfTheWrongKind() throws IOException {
        assertError(send("POST", "/callbacks/twilio", "application/json", "{}"), 415, "invalid_request");
        assertError(send("POST", "/callbacks/whatsapp", "text/plain", "x"), 415, "invalid_request");
    }

    private RawHttp.Answer send(String method, String target, String contentType, String body) throws IOException {
        return raw("127.0.0.1").sendWith(method, target, SIGNATURES, contentType, body);
    }

    private static void assertError(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.head()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.body()).startsWith("{\"error\":{\"code\":\"" + code + "\",\"message\":\"");
        assertThat(answer.header("Request-Id")).startsWith("req_");
    }
}
