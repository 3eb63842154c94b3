package dk.greatercph.ope.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the application notices that its database is away, and that a session holds others up while its client
 * says nothing.
 *
 * @param probeInterval               pause between two probes of the database
 * @param probeTimeout                how long one probe may wait for an answer (whole seconds, at least one)
 * @param retryAfter                  the {@code Retry-After} a client is told while the database is away
 * @param stalledSessionTimeout       how long a session of the application's role may wait for its client in the
 *                                    middle of a command, inside a transaction, while other sessions wait on its
 *                                    locks, before it is ended at the second look that finds it so ({@code 0} turns
 *                                    the check off)
 * @param stalledSessionCheckInterval pause between two looks for such sessions (more than zero)
 */
@ConfigurationProperties("ope.database")
public record DatabaseProperties(Duration probeInterval, Duration probeTimeout, Duration retryAfter,
                                 Duration stalledSessionTimeout, Duration stalledSessionCheckInterval) {

    public DatabaseProperties {
        probeInterval = probeInterval == null ? Duration.ofMillis(500) : probeInterval;
        probeTimeout = probeTimeout == null || probeTimeout.toSeconds() < 1 ? Duration.ofSeconds(1) : probeTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
        stalledSessionTimeout = stalledSessionTimeout == null ? Duration.ofSeconds(15) : stalledSessionTimeout;
        stalledSessionCheckInterval = stalledSessionCheckInterval == null ? Duration.ofSeconds(2)
                : stalledSessionCheckInterval;
        if (stalledSessionTimeout.isNegative()) {
            throw new IllegalArgumentException("ope.database.stalled-session-timeout must be 0 (off) or more, not "
                    + stalledSessionTimeout);
        }
        if (stalledSessionCheckInterval.isZero() || stalledSessionCheckInterval.isNegative()) {
            throw new IllegalArgumentException("ope.database.stalled-session-check-interval must be more than 0, not "
                    + stalledSessionCheckInterval);
        }
    }
}
