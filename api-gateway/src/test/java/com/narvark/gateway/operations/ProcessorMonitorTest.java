package com.narvark.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.narvark.gateway.operations.ProcessorMonitor.ProcessorSample;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

class ProcessorMonitorTest {

    private static EventTrackerStatus segment(long position, boolean error) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.isErrorState()).thenReturn(error);
        return status;
    }

    private static StreamingEventProcessor processor(Map<Integer, EventTrackerStatus> segments) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.processingStatus()).thenReturn(segments);
        when(processor.isRunning()).thenReturn(true);
        return processor;
    }

    @Test
    void shouldMeasureTheLagOfTheSlowestSegmentWhenSegmentsAreAtDifferentPositions() {
        ProcessorSample sample = ProcessorMonitor.sample("p", processor(Map.of(0, segment(90, false),
                1, segment(100, false))), 100, 0);

        assertThat(sample.lag()).isEqualTo(10);
        assertThat(sample.lagOrNaN()).isEqualTo(10.0);
        assertThat(sample.claimed()).isEqualTo(2);
        assertThat(EventProcessorsHealthIndicator.problem(sample)).isNull();
    }

    @Test
    void shouldReportNoLagWhenTheEventStoreIsEmpty() {
        assertThat(ProcessorMonitor.sample("p", processor(Map.of(0, segment(-1, false))), -1, 0).lag()).isZero();
    }

    @Test
    void shouldReportAnErrorWhenASegmentIsInErrorState() {
        ProcessorSample sample = ProcessorMonitor.sample("p", processor(Map.of(0, segment(5, true))), 5, 0);

        assertThat(sample.errored()).isEqualTo(1);
        assertThat(EventProcessorsHealthIndicator.problem(sample)).isEqualTo("error");
    }

    @Test
    void shouldReportUnclaimedSegmentsWhenNoNodeHoldsThem() {
        ProcessorSample sample = ProcessorMonitor.sample("p", processor(Map.of()), 5, 2);

        assertThat(sample.lag()).isNull();
        assertThat(EventProcessorsHealthIndicator.problem(sample)).isEqualTo("unclaimed segments");
    }
}
