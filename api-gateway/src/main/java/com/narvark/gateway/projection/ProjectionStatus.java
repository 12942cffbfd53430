package com.narvark.gateway.projection;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;

/**
 * A projection's processing as this node sees it (segments claimed by other nodes are not listed). {@code state}:
 * {@code stopped}, {@code starting} (no segment claimed yet), {@code replaying}, {@code error} or {@code live};
 * {@code progress} is the replayed share of the stream, 1 when live.
 */
record ProjectionStatus(String name, String object, String state, Double progress, List<Segment> segments) {

    static ProjectionStatus of(String name, TrackingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        List<Segment> segments = status.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Segment.of(e.getKey(), e.getValue())).toList();
        return new ProjectionStatus(name, "projection", state(processor, segments), progress(segments), segments);
    }

    private static String state(TrackingEventProcessor processor, List<Segment> segments) {
        if (!processor.isRunning()) {
            return "stopped";
        }
        if (segments.isEmpty()) {
            return "starting";
        }
        if (segments.stream().anyMatch(Segment::error)) {
            return "error";
        }
        return segments.stream().anyMatch(Segment::replaying) ? "replaying" : "live";
    }

    private static Double progress(List<Segment> segments) {
        return segments.stream().filter(Segment::replaying).map(Segment::progress)
                .min(Comparator.naturalOrder()).orElse(segments.isEmpty() ? null : 1.0);
    }

    record Segment(int segment, boolean replaying, boolean caughtUp, boolean error, Long position,
                   Long resetPosition) {

        /**
         * Axon keeps a replay token until an event past the reset position arrives; a segment that has reached the
         * reset position has replayed everything, so it counts as live even while its token still says replay.
         */
        static Segment of(int id, EventTrackerStatus s) {
            Long position = s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : null;
            Long reset = s.getResetPosition().isPresent() ? s.getResetPosition().getAsLong() : null;
            boolean replayed = position != null && reset != null && position >= reset;
            return new Segment(id, s.isReplaying() && !replayed, s.isCaughtUp(), s.isErrorState(), position, reset);
        }

        double progress() {
            if (position == null || resetPosition == null || resetPosition == 0) {
                return 0.0;
            }
            return Math.min(1.0, (double) position / resetPosition);
        }
    }
}
