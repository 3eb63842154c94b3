package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.platform.database.DatabaseAvailability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code projections} health component, also alone in the health group {@code projection-status}
 * ({@link ProjectionHealthGroup}): per projection how many events it
 * is behind the head of the event store and how many it has parked as dead letters, and its own status —
 * {@code OUT_OF_SERVICE} when it has more dead letters than allowed, a segment stopped on an error, an error paused
 * the whole processor or it is stopped without being replayed, {@code BEHIND}
 * when it is further behind than allowed, else {@code UP}. The component as a whole is then {@code DEGRADED}, which
 * the application's status order ranks below {@code UP}: a lagging or incomplete view does not take the application
 * down, and neither readiness nor liveness includes it.
 *
 * <p>While the database is away (the {@code database} component is DOWN) it is {@code UNKNOWN} at once, without
 * asking the database: the positions it reads are there, and {@code /actuator/health} waited out the pool's
 * connection timeout (2 s) on every call of an outage.
 */
@Component("projections")
class ProjectionHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "A projection is behind, has dead letters or has stopped");
    static final Status BEHIND = new Status("BEHIND");

    private final ProjectionReplays replays;
    private final ObjectProvider<DatabaseAvailability> database;
    private final long maxBehind;
    private final long maxDeadLetters;

    ProjectionHealth(ProjectionReplays replays, ObjectProvider<DatabaseAvailability> database,
                     @Value("${ope.health.projections.max-behind:1000}") long maxBehind,
                     @Value("${ope.health.projections.max-dead-letters:0}") long maxDeadLetters) {
        if (maxBehind < 0 || maxDeadLetters < 0) {
            throw new IllegalArgumentException(
                    "ope.health.projections.max-behind and max-dead-letters are 0 or more");
        }
        this.replays = replays;
        this.database = database;
        this.maxBehind = maxBehind;
        this.maxDeadLetters = maxDeadLetters;
    }

    @Override
    public Health health() {
        DatabaseAvailability availability = database.getIfAvailable();
        if (availability != null && !availability.available()) {
            return Health.unknown().withDetail("error", "The database is unavailable; the projections' status "
                    + "cannot be read.").build();
        }
        List<ProjectionStatus> projections;
        try {
            projections = replays.all();
        } catch (RuntimeException e) {
            return Health.unknown().withDetail("error", "The projections' status could not be read: "
                    + e.getClass().getSimpleName()).build();
        }
        Map<String, Object> details = new TreeMap<>();
        boolean degraded = false;
        for (ProjectionStatus projection : projections) {
            Status status = statusOf(projection);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", status.getCode());
            detail.put("behindBy", projection.behindBy() == null ? 0 : projection.behindBy());
            detail.put("deadLetters", projection.deadLetters());
            detail.put("running", projection.running());
            detail.put("replaying", projection.replaying());
            detail.put("error", projection.error());
            details.put(projection.name(), detail);
            degraded |= !Status.UP.equals(status);
        }
        return Health.status(degraded ? DEGRADED : Status.UP)
                .withDetails(details)
                .withDetail("thresholds", Map.of("maxBehind", maxBehind, "maxDeadLetters", maxDeadLetters))
                .build();
    }

    private Status statusOf(ProjectionStatus projection) {
        // stopped and not being replayed: its view no longer moves (a replay refused after the processor was shut
        // down left it so, and this said UP)
        if (projection.error() || projection.deadLetters() > maxDeadLetters
                || !projection.running() && !projection.replaying()) {
            return Status.OUT_OF_SERVICE;
        }
        if (projection.behindBy() != null && projection.behindBy() > maxBehind) {
            return BEHIND;
        }
        return Status.UP;
    }
}
