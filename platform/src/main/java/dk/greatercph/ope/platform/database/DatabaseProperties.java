package dk.greatercph.ope.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the application notices that its database is away.
 *
 * @param probeInterval pause between two probes of the database
 * @param probeTimeout  how long one probe may wait for an answer (whole seconds, at least one)
 * @param retryAfter    the {@code Retry-After} a client is told while the database is away
 */
@ConfigurationProperties("ope.database")
public record DatabaseProperties(Duration probeInterval, Duration probeTimeout, Duration retryAfter) {

    public DatabaseProperties {
        probeInterval = probeInterval == null ? Duration.ofMillis(500) : probeInterval;
        probeTimeout = probeTimeout == null || probeTimeout.toSeconds() < 1 ? Duration.ofSeconds(1) : probeTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
    }
}
