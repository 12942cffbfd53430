package com.narvark.gateway.operations;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axonframework.messaging.MetaData;

/**
 * Carries the trace across Axon's message hops, which Micrometer does not see: the current trace context goes into
 * a message's metadata (W3C {@code traceparent}) when it is dispatched or created, and a handler's span continues
 * the context its message carries, so a command handled on the request thread, the events it stored, the tracking
 * processors that handle them on their own threads later and the commands those send belong to one trace. Each
 * handler span is current while it runs, so its log lines carry the trace id.
 */
final class AxonTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    AxonTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current trace context as metadata entries; empty outside any span. */
    Map<String, String> currentContext() {
        Span current = tracer.currentSpan();
        if (current == null) {
            return Map.of();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(current.context(), carrier, Map::put);
        return carrier;
    }

    /** Runs {@code work} in a span continuing the message's trace (or the current one when it carries none). */
    Object inSpan(String name, MetaData metaData, String processor, Callable<Object> work) throws Exception {
        Span span = start(name, metaData);
        if (processor != null) {
            span.tag("axon.processor", processor);
        }
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.call();
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Span start(String name, MetaData metaData) {
        boolean carriesContext = propagator.fields().stream().anyMatch(metaData::containsKey);
        if (!carriesContext) {
            return tracer.nextSpan().name(name).start();
        }
        return propagator.extract(metaData, (carrier, key) -> {
            Object value = carrier.get(key);
            return value == null ? null : value.toString();
        }).name(name).kind(Span.Kind.CONSUMER).start();
    }
}
