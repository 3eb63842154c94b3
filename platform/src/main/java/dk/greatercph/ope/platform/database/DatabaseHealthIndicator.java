package dk.greatercph.ope.platform.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Readiness follows the probe: DOWN while the database is away, without touching the database itself. */
final class DatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseAvailability availability;

    DatabaseHealthIndicator(DatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Health health() {
        Health.Builder health = availability.available() ? Health.up() : Health.down();
        health.withDetail("since", availability.since().toString());
        if (!availability.available() && availability.problem() != null) {
            health.withDetail("problem", availability.problem());
        }
        String writesRefused = availability.writesRefused();
        if (writesRefused != null) {
            health.down().withDetail("writesRefused", writesRefused);
        }
        return health.build();
    }
}
