package com.narvark.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.RawHttp;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Bodies are bounded while they stream: an endless chunked upload (no Content-Length) is refused long before 1 MiB
 * has been sent, the connection is closed instead of drained, and the gateway answers normally right after.
 */
class BodyLimitIT extends GatewayIntegrationTest {

    private static final long SIXTY_FOUR_MIB = 64L * 1024 * 1024;
    private static final long ONE_MIB = 1024 * 1024;

    @Test
    void shouldCutOffAnEndlessChunkedBodyWhenItGoesToACarrierCallback() throws IOException {
        for (String[] callback : new String[][] {{"/callbacks/whatsapp", "application/json"},
                {"/callbacks/twilio", "application/x-www-form-urlencoded"}}) {
            RawHttp.Upload upload = raw("127.0.0.1").upload(callback[0], null, callback[1], "", SIXTY_FOUR_MIB);
            assertCutOff(upload, 413);
            assertThat(upload.answer().body()).contains("\"code\":\"payload_too_large\"");
            assertHealthy();
        }
    }

    @Test
    void shouldRefuseAnEndlessChunkedBodyUnreadWhenTheApiRequestHasNoKey() throws IOException {
        assertCutOff(raw("127.0.0.1").upload("/v1/otp/send", null, "application/json", SIXTY_FOUR_MIB), 401);
        assertHealthy();
    }

    @Test
    void shouldAnswer413WhenAnAuthenticatedJsonBodyStreamsPastTheLimit() throws IOException {
        String key = newAccount().test();
        for (String route : new String[] {"/v1/otp/send", "/v1/otp/verify", "/v1/webhook_endpoints"}) {
            // An open JSON string: the parser keeps reading until the limit stops it.
            RawHttp.Upload upload = raw("127.0.0.1").upload(route, key, "application/json", "{\"to\":\"",
                    SIXTY_FOUR_MIB);
            assertCutOff(upload, 413);
            assertThat(upload.answer().body()).contains("\"code\":\"payload_too_large\"");
            assertThat(upload.answer().header("Request-Id")).startsWith("req_");
        }
        assertHealthy();
    }

    @Test
    void shouldAnswer413UnreadWhenTheDeclaredLengthIsOverTheLimit() throws IOException {
        String padded = "{\"to\":\"" + "1".repeat(70 * 1024) + "\"}";
        RawHttp.Answer answer = raw("127.0.0.1").send("POST", "/v1/otp/send", newAccount().test(),
                "application/json", padded);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"code\":\"payload_too_large\"");
    }

    /** With no app secret or auth token configured (the default), a callback cannot be authenticated: 401, not 500. */
    @Test
    void shouldAnswer401WhenACallbackArrivesWithNoCarrierSecretConfigured() throws IOException {
        RawHttp http = raw("127.0.0.1");
        assertThat(http.send("POST", "/callbacks/whatsapp", null, "application/json", "{\"entry\":[]}").status())
                .isEqualTo(401);
        assertThat(http.send("POST", "/callbacks/twilio", null, "application/x-www-form-urlencoded",
                "MessageSid=SM1&MessageStatus=delivered").status()).isEqualTo(401);
    }

    /** The container parses multipart from its own stream, past the limit: no route takes it, so it is refused. */
    @Test
    void shouldRefuseAMultipartBodyUnparsedWhenItIsPostedAnywhere() throws IOException {
        for (String route : new String[] {"/portal/sign-in", "/portal/access", "/callbacks/twilio", "/v1/otp/send"}) {
            RawHttp.Upload upload = raw("127.0.0.1").upload(route, null, "multipart/form-data; boundary=x",
                    "--x\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a\"\r\n\r\n", SIXTY_FOUR_MIB);
            assertThat(upload.answer().status()).as(route).isIn(401, 415);
            assertThat(upload.writtenWhenAnswered()).as(route).isLessThan(ONE_MIB);
        }
        assertHealthy();
    }

    /** A malformed percent-escape in the query string is the client's mistake: 400, never a 500 in the log. */
    @Test
    void shouldAnswer400WhenTheQueryStringIsNotValidUrlEncoding() throws IOException {
        RawHttp http = raw("127.0.0.1");
        String key = newAccount().test();
        for (String target : new String[] {"/actuator/health?x=%zz", "/callbacks/whatsapp?x=%zz",
                "/v1/otp?x=%zz", "/v1/usage?to=%ff%fe", "/v1/otp?starting_after=%"}) {
            RawHttp.Answer answer = http.send("GET", target, key, null, null);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.body()).as(target).contains("\"code\":\"invalid_request\"");
        }
    }

    /** Errors are JSON whatever Accept says: a client that asks for XML still learns what went wrong. */
    @Test
    void shouldAnswerTheErrorShapeWhenAcceptRulesJsonOut() throws IOException {
        String key = newAccount().test();
        for (String accept : new String[] {"application/xml", "text/html", ";;;"}) {
            RawHttp.Answer answer = raw("127.0.0.1").sendWith("GET", "/v1/otp/otp_00000000000000000000000000",
                    java.util.Map.of("Authorization", "Bearer " + key, "Accept", accept), null, null);
            assertThat(answer.status()).as(accept).isBetween(400, 499);
            assertThat(answer.body()).as(accept).contains("\"error\":{\"code\":");
        }
    }

    private static void assertCutOff(RawHttp.Upload upload, int status) {
        assertThat(upload.answer().status()).as(upload.answer().head()).isEqualTo(status);
        assertThat(upload.writtenWhenAnswered()).as("bytes sent before the answer").isLessThan(ONE_MIB);
        assertThat(upload.writtenInAll()).as("bytes sent before the server closed").isLessThan(SIXTY_FOUR_MIB);
    }

    private void assertHealthy() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.post("/v1/otp/send", newAccount().test(), "{\"to\":\"+15005550006\",\"channel\":\"sms\"}")
                .status()).isIn(200, 201);
    }
}
