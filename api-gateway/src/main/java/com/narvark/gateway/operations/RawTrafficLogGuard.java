package com.narvark.gateway.operations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps raw traffic out of the logs whatever levels an operator sets: below INFO, Tomcat prints request bytes
 * (the Authorization header, API keys and the operator token among them) and Spring MVC prints request and
 * response bodies and handler arguments (codes, the sandbox inbox's texts, new keys and webhook secrets). Those
 * loggers' DEBUG and TRACE lines are dropped here, before any appender, so turning on {@code logging.level.root=TRACE}
 * to chase a problem cannot leak a secret. {@code LogSecretsIT} runs a lifecycle with every logger at TRACE.
 */
@Component
class RawTrafficLogGuard extends TurboFilter {

    static final List<String> RAW_TRAFFIC_LOGGERS = List.of(
            "org.apache.coyote",
            "org.apache.tomcat.util.net",
            "org.apache.tomcat.util.http",
            "org.springframework.web.servlet.mvc.method.annotation",
            "org.springframework.web.method",
            "org.springframework.http.converter");

    RawTrafficLogGuard() {
        setName("narvark-raw-traffic-guard");
        // Logging is (re)initialised before the beans of a context are created, so adding it here sticks.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(f -> getName().equals(f.getName()))) {
            setContext(context);
            start();
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable thrown) {
        // Called for every log statement and level check in the process: decide by levels first (a field read), so
        // only a line that would really print below INFO pays for the name comparison.
        if (level == null || level.isGreaterOrEqual(Level.INFO)
                || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        String name = logger.getName();
        for (String prefix : RAW_TRAFFIC_LOGGERS) {
            if (name.startsWith(prefix)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
