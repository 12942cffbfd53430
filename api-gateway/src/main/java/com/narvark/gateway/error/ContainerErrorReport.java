package com.narvark.gateway.error;

import com.narvark.otp.api.RandomIds;
import java.io.IOException;
import java.io.Writer;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The answer Tomcat itself gives to a request it refuses before any filter or servlet runs (an encoded NUL, slash or
 * backslash in the path, a malformed request line), in the API's error shape with a {@code Request-Id}, instead of
 * Tomcat's HTML page: the document promises {@code {"error": {…}}} for every failure. Everything that reaches the
 * application is answered by it (ErrorPathController), so this valve finds the body written and stays out.
 */
@Component
class ContainerErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final SecureRandom random;

    ContainerErrorReport(SecureRandom random) {
        this.random = random;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // Added to the host after Spring Boot's own valve, so it reports first (valves report on the way out).
        factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new JsonValve(random)));
    }

    static final class JsonValve extends ErrorReportValve {

        private final SecureRandom random;

        JsonValve(SecureRandom random) {
            this.random = random;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean();
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            boolean clientError = status < 500;
            String body = clientError
                    ? "{\"error\":{\"code\":\"invalid_request\",\"message\":\"the request could not be understood"
                    + " (a path must not encode NUL, '/' or '\\\\')\"}}"
                    : "{\"error\":{\"code\":\"internal_error\",\"message\":\"something went wrong on our side; the"
                    + " request may be retried\"}}";
            try {
                response.setHeader("Request-Id", "req_" + RandomIds.base32(random, 26));
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // The client is gone or the response is committed: there is no one left to tell.
            }
        }
    }
}
