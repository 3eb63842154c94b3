package dk.greatercph.ope.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of the PostgreSQL event store.
 *
 * @param gapTimeout   how long a streaming processor waits for a missing global index before it treats it as a
 *                     rolled-back append; with commit-ordered appends a gap can never be filled later
 * @param batchSize    how many events a streaming processor reads per query; as many as a projection handles in one
 *                     transaction (ope.projections.batch-size), so a batch of a catching-up projection is one read
 * @param wakeDelay    the longest a commit in this process waits before the streaming processors are woken to read
 *                     it: a commit after a quiet spell wakes them at once, and while commits keep coming they are
 *                     woken at most once per this interval, so that each projection applies what was committed
 *                     meanwhile in one transaction instead of one each ({@link WakeThrottle}). Zero wakes them at
 *                     every commit (Axon's default)
 * @param cachedEvents how many of the newest events the embedded event store keeps in memory for the streaming
 *                     processors to share. Each event is read from PostgreSQL and deserialised once for all the
 *                     processors within that many events of the head; a processor further behind reads and
 *                     deserialises every event again on its own until it is back within it. Default: what a
 *                     sixteenth of the JVM's maximum heap holds ({@link #defaultCachedEvents}), so the documented
 *                     256 MB heap keeps Axon's 10,000
 */
@ConfigurationProperties("ope.event-store")
public record EventStoreProperties(Duration gapTimeout, Integer batchSize, Duration wakeDelay, Integer cachedEvents) {

    /**
     * The heap one cached event holds, rounded up: 190,000 more cached events of the benchmark's history held 353 MB
     * more, 1,860 bytes each ({@code jmap -histo:live}).
     */
    static final long BYTES_PER_CACHED_EVENT = 2048;
    /** Axon's default, which the documented heap keeps. */
    static final int FEWEST_CACHED_EVENTS = 10_000;
    /** Beyond this, a larger heap buys no cached events: about 400 MB of them. */
    static final int MOST_CACHED_EVENTS = 200_000;

    public EventStoreProperties {
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        batchSize = batchSize == null ? 1000 : batchSize;
        wakeDelay = wakeDelay == null ? Duration.ofMillis(100) : wakeDelay;
        cachedEvents = cachedEvents == null ? defaultCachedEvents(Runtime.getRuntime().maxMemory()) : cachedEvents;
        if (wakeDelay.isNegative()) {
            throw new IllegalArgumentException("ope.event-store.wake-delay must not be negative: " + wakeDelay);
        }
        if (cachedEvents < 1) {
            throw new IllegalArgumentException("ope.event-store.cached-events must be positive: " + cachedEvents);
        }
    }

    /**
     * As many events as a sixteenth of {@code maxHeapBytes} holds, at least {@value #FEWEST_CACHED_EVENTS} and at
     * most {@value #MOST_CACHED_EVENTS}.
     */
    static int defaultCachedEvents(long maxHeapBytes) {
        long fitting = maxHeapBytes / 16 / BYTES_PER_CACHED_EVENT;
        return (int) Math.max(FEWEST_CACHED_EVENTS, Math.min(MOST_CACHED_EVENTS, fitting));
    }
}
