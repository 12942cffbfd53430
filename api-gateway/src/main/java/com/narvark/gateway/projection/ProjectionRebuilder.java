package com.narvark.gateway.projection;

import com.narvark.gateway.error.ApiException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a projection from the event store: stop its tracking processor, reset its tokens (which runs the
 * projection's {@code @ResetHandler}, emptying its tables, in the same transaction), start it again. Only the
 * processors listed in {@code narvark.read-side.projections} qualify: replaying a processor with side effects
 * (delivery, webhooks) would act on history again.
 */
@Component
class ProjectionRebuilder {

    private final EventProcessingConfiguration processing;
    private final Set<String> projections;

    ProjectionRebuilder(EventProcessingConfiguration processing,
                        @Value("${narvark.read-side.projections:}") String projections) {
        this.processing = processing;
        this.projections = Arrays.stream(projections.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    synchronized ProjectionStatus rebuild(String name) {
        TrackingEventProcessor processor = processor(name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "another node holds segments of " + name
                    + "; stop its processing there (or the node) and retry", null);
        } finally {
            processor.start();
        }
        return ProjectionStatus.of(name, processor);
    }

    ProjectionStatus status(String name) {
        return ProjectionStatus.of(name, processor(name));
    }

    private TrackingEventProcessor processor(String name) {
        if (!projections.contains(name)) {
            throw ApiException.notFound("no projection named " + name);
        }
        return processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> ApiException.notFound("no projection named " + name));
    }
}
