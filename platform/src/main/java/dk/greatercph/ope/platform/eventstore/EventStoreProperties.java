package dk.greatercph.ope.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of the PostgreSQL event store.
 *
 * @param gapTimeout how long a streaming processor waits for a missing global index before it treats it as a
 *                   rolled-back append; with commit-ordered appends a gap can never be filled later
 * @param batchSize  how many events a streaming processor reads per query; as many as a projection handles in one
 *                   transaction (ope.projections.batch-size), so a batch of a catching-up projection is one read
 * @param wakeDelay  the longest a commit in this process waits before the streaming processors are woken to read it:
 *                   a commit after a quiet spell wakes them at once, and while commits keep coming they are woken at
 *                   most once per this interval, so that each projection applies what was committed meanwhile in one
 *                   transaction instead of one each ({@link WakeThrottle}). Zero wakes them at every commit (Axon's
 *                   default)
 */
@ConfigurationProperties("ope.event-store")
public record EventStoreProperties(Duration gapTimeout, Integer batchSize, Duration wakeDelay) {

    public EventStoreProperties {
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        batchSize = batchSize == null ? 1000 : batchSize;
        wakeDelay = wakeDelay == null ? Duration.ofMillis(100) : wakeDelay;
        if (wakeDelay.isNegative()) {
            throw new IllegalArgumentException("ope.event-store.wake-delay must not be negative: " + wakeDelay);
        }
    }
}
