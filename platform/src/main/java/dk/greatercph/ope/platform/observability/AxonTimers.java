package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** Timers as axon-micrometer's {@code MessageTimerMonitor} registers them. */
final class AxonTimers {

    private AxonTimers() {
    }

    /** The timer {@code name} with {@code tags}: percentiles 0.5 to 0.999 over the last ten minutes. */
    static Timer register(MeterRegistry registry, String name, Tags tags) {
        return Timer.builder(name)
                .distributionStatisticExpiry(Duration.ofMinutes(10))
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                .tags(tags)
                .register(registry);
    }
}
