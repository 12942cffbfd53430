package com.narvark.gateway.operations;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finished spans of one trace, navigated by parent span id. */
final class TraceTree {

    private TraceTree() {
    }

    /** The first span of each name. */
    static Map<String, SpanData> byName(List<SpanData> trace) {
        Map<String, SpanData> byName = new LinkedHashMap<>();
        trace.forEach(span -> byName.putIfAbsent(span.getName(), span));
        return byName;
    }

    static SpanData parent(SpanData span, List<SpanData> trace) {
        return trace.stream().filter(s -> s.getSpanId().equals(span.getParentSpanId())).findFirst().orElse(null);
    }

    static List<SpanData> ancestors(SpanData span, List<SpanData> trace) {
        List<SpanData> ancestors = new ArrayList<>();
        for (SpanData parent = parent(span, trace); parent != null; parent = parent(parent, trace)) {
            ancestors.add(parent);
        }
        return ancestors;
    }
}
