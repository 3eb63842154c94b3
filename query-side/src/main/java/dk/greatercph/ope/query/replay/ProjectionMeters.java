package dk.greatercph.ope.query.replay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per projection, the gauges {@code ope.projection.behind} (events between its position and the head of the event
 * store) and {@code ope.projection.dead.letters} (events parked in its dead-letter queue), tagged
 * {@code projection=}. One scrape reads the status of all projections once: the figures are at most a second old.
 */
@Component
class ProjectionMeters {

    static final String BEHIND = "ope.projection.behind";
    static final String DEAD_LETTERS = "ope.projection.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(ProjectionMeters.class);
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final ProjectionReplays replays;
    private final ObjectProvider<MeterRegistry> registry;
    private volatile Snapshot snapshot;

    ProjectionMeters(ProjectionReplays replays, ObjectProvider<MeterRegistry> registry) {
        this.replays = replays;
        this.registry = registry;
    }

    /** The processors exist once Axon has started, so the gauges are registered when the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        registry.ifAvailable(meters -> {
            for (String name : current().keySet()) {
                Gauge.builder(BEHIND, this, self -> self.value(name, ProjectionStatus::behindBy))
                        .description("Events between the projection's position and the head of the event store")
                        .tag("projection", name)
                        .register(meters);
                Gauge.builder(DEAD_LETTERS, this, self -> self.value(name, status -> status.deadLetters()))
                        .description("Events parked in the projection's dead-letter queue")
                        .tag("projection", name)
                        .register(meters);
            }
        });
    }

    private double value(String name, Function<ProjectionStatus, Long> figure) {
        ProjectionStatus status = current().get(name);
        Long value = status == null ? null : figure.apply(status);
        return value == null ? Double.NaN : value;
    }

    private Map<String, ProjectionStatus> current() {
        Snapshot seen = snapshot;
        if (seen != null && System.nanoTime() - seen.takenAt < FRESH_NANOS) {
            return seen.byName;
        }
        synchronized (this) {
            if (snapshot == null || System.nanoTime() - snapshot.takenAt >= FRESH_NANOS) {
                try {
                    snapshot = new Snapshot(System.nanoTime(), replays.all().stream()
                            .collect(Collectors.toMap(ProjectionStatus::name, Function.identity())));
                } catch (RuntimeException e) {
                    log.warn("Could not read the projections' status for the metrics: {}", e.toString());
                    snapshot = new Snapshot(System.nanoTime(), Map.of());
                }
            }
            return snapshot.byName;
        }
    }

    private record Snapshot(long takenAt, Map<String, ProjectionStatus> byName) {
    }
}
