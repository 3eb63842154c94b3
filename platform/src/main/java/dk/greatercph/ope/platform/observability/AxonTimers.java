package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * Timers as axon-micrometer's {@code MessageTimerMonitor} registers them: its names and tags, statistics over the last
 * ten minutes. Axon gives each of a message type's four timers client-side percentiles; here only the two that time
 * handling do ({@code successTimer}, {@code failureTimer}: the handler latency an administrator reads). The
 * {@code allTimer} and the {@code ignoredTimer} keep count, sum and maximum: every event an event processor skips is
 * recorded in both, and their percentiles made a monitored event cost 1.8 times as much (docs/performance.md, "The
 * meters of skipped events").
 */
final class AxonTimers {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    private AxonTimers() {
    }

    /** The timer {@code name} with {@code tags}: count, sum and maximum, and percentiles 0.5 to 0.999. */
    static Timer withPercentiles(MeterRegistry registry, String name, Tags tags) {
        return Timer.builder(name)
                .distributionStatisticExpiry(WINDOW)
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                .tags(tags)
                .register(registry);
    }

    /** The timer {@code name} with {@code tags}: count, sum and maximum. */
    static Timer counting(MeterRegistry registry, String name, Tags tags) {
        return Timer.builder(name)
                .distributionStatisticExpiry(WINDOW)
                .tags(tags)
                .register(registry);
    }
}
