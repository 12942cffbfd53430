package com.narvark.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.TestSettings;
import com.narvark.gateway.support.WebhookReceiver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every logger of the JVM at TRACE (Tomcat, the JDBC driver, Spring, Axon and ours) while a lifecycle runs: no code,
 * API key, operator token, webhook secret, pepper or encryption key may appear in any line, message or stack trace.
 * The lines go to memory only (the console appenders are detached meanwhile), then every level is put back.
 */
class LogSecretsIT extends GatewayIntegrationTest {

    @Test
    void shouldLogNoCodeKeyTokenOrSecretWhenEveryLoggerIsAtTrace() {
        Capture capture = new Capture();
        Lifecycle run;
        try (AllAtTrace ignored = new AllAtTrace(capture); WebhookReceiver receiver = new WebhookReceiver()) {
            run = new Lifecycle(api, ADMIN_TOKEN).run(receiver);
        }
        assertThat(capture.lines).as("TRACE was on").hasSizeGreaterThan(1000)
                .anyMatch(line -> line.startsWith("TRACE"));
        List<String> secrets = new ArrayList<>(run.secrets());
        secrets.addAll(List.of(TestSettings.PEPPER, TestSettings.ENCRYPTION_KEY));
        for (String secret : secrets) {
            // A code is digits: only a number of its own counts, not the same digits inside a longer one.
            Pattern alone = Pattern.compile("(?<![0-9A-Za-z_])" + Pattern.quote(secret) + "(?![0-9A-Za-z_])");
            List<String> leaking = capture.lines.stream().filter(line -> alone.matcher(line).find())
                    .map(line -> line.substring(0, line.indexOf(' ', line.indexOf(' ') + 1))).distinct().toList();
            assertThat(leaking).as("loggers printing " + secret.substring(0, 4) + "…").isEmpty();
        }
    }

    /** Formats each event as level, logger, message and stack trace. */
    private static final class Capture extends AppenderBase<ILoggingEvent> {

        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            String thrown = event.getThrowableProxy() == null ? ""
                    : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage() + thrown);
        }
    }

    /** Sets every logger to TRACE and the root's appenders to the capture only, until closed. */
    private static final class AllAtTrace implements AutoCloseable {

        private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        private final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        private final Map<Logger, Level> levels = new HashMap<>();
        private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
        private final Capture capture;

        AllAtTrace(Capture capture) {
            this.capture = capture;
            capture.setContext(context);
            capture.start();
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                detached.add(it.next());
            }
            detached.forEach(root::detachAppender);
            root.addAppender(capture);
            for (Logger logger : context.getLoggerList()) {
                levels.put(logger, logger.getLevel());
                logger.setLevel(logger == root ? Level.TRACE : null);
            }
        }

        @Override
        public void close() {
            levels.forEach(Logger::setLevel);
            root.detachAppender(capture);
            detached.forEach(root::addAppender);
            capture.stop();
        }
    }
}
