package dk.greatercph.ope.query.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code projections} health component: per projection, whether it is running, stopped on an error, or has
 * parked events in its dead-letter queue (then {@code OUT_OF_SERVICE}: its view is missing those events). The
 * component as a whole is {@code DEGRADED} then, which the application's status order ranks below {@code UP}: one
 * incomplete view does not take the application down, and readiness stays up.
 */
@Component("projections")
class ProjectionHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "A projection has dead letters or has stopped");

    private final EventProcessingConfiguration processing;
    private final DeadLetters deadLetters;

    ProjectionHealth(EventProcessingConfiguration processing, DeadLetters deadLetters) {
        this.processing = processing;
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Map<String, Long> counts = deadLetters.countsByProjection();
        Map<String, Object> details = new TreeMap<>();
        boolean degraded = false;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            long letters = counts.getOrDefault(entry.getKey(), 0L);
            boolean error = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", letters > 0 || error ? Status.OUT_OF_SERVICE.getCode() : Status.UP.getCode());
            detail.put("deadLetters", letters);
            detail.put("running", processor.isRunning());
            detail.put("error", error);
            details.put(entry.getKey(), detail);
            degraded |= letters > 0 || error;
        }
        return Health.status(degraded ? DEGRADED : Status.UP).withDetails(details).build();
    }
}
