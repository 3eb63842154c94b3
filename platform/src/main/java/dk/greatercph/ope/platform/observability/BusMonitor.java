package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters axon-micrometer keeps for a bus (command bus, event bus, query bus, query update emitter), with its
 * names, tags and statistics, found once per message type instead of at every message.
 * <p>
 * Axon's dimensional bus monitors build the tags and look up nine or ten meters in the registry for every message;
 * on the event bus that is every event appended, and it was a fifth of the appending thread's samples in a profile
 * of the benchmark's history. These are the same meters, all prefixed with the bus's name:
 * {@code allTimer}, {@code successTimer}, {@code failureTimer} and {@code ignoredTimer} (over ten minutes;
 * percentiles 0.5 to 0.999 for the success and failure timers only, see {@link AxonTimers}) tagged
 * {@code payloadType} (the message class's simple name), and {@code ingestedCounter},
 * {@code successCounter}, {@code failureCounter}, {@code processedCounter} and {@code ignoredCounter}, tagged the
 * same except on the event bus, where Axon counts without tags. Every bus but the event bus also has
 * {@code capacity}, tagged {@code payloadType}: time spent handling that type over the last ten minutes per nanosecond
 * of that window, kept by {@link BusyWindow} rather than by every message's time for ten minutes.
 */
final class BusMonitor implements MessageMonitor<Message<?>> {

    private final String bus;
    private final boolean eventBus;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();
    private final Counters untaggedCounters;

    private BusMonitor(String bus, boolean eventBus, MeterRegistry registry) {
        this.bus = bus;
        this.eventBus = eventBus;
        this.registry = registry;
        this.clock = Clock.SYSTEM;
        this.untaggedCounters = eventBus ? counters(Tags.empty()) : null;
    }

    /** Axon's {@code registerEventBus} with tags: timers per type, counters without tags, no capacity. */
    static BusMonitor eventBus(String name, MeterRegistry registry) {
        return new BusMonitor(name, true, registry);
    }

    /** Axon's monitor for the command and query buses and the update emitter: everything per type. */
    static BusMonitor handlingBus(String name, MeterRegistry registry) {
        return new BusMonitor(name, false, registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::meters);
        Counters counters = meters.counters();
        counters.ingested().increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.success().record(took(start), TimeUnit.NANOSECONDS);
                counters.processed().increment();
                counters.successes().increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.failure().record(took(start), TimeUnit.NANOSECONDS);
                counters.processed().increment();
                counters.failures().increment();
            }

            @Override
            public void reportIgnored() {
                meters.ignoredTimer().record(took(start), TimeUnit.NANOSECONDS);
                counters.ignored().increment();
            }

            /** Records the time into the all-timer and the capacity window, and returns it. */
            private long took(long since) {
                long took = clock.monotonicTime() - since;
                meters.all().record(took, TimeUnit.NANOSECONDS);
                if (meters.capacity() != null) {
                    meters.capacity().add(took);
                }
                return took;
            }
        };
    }

    private Meters meters(Class<?> payloadType) {
        Tags tags = Tags.of("payloadType", payloadType.getSimpleName());
        BusyWindow capacity = null;
        if (!eventBus) {
            capacity = new BusyWindow(clock);
            registry.gauge(bus + ".capacity", tags, capacity, BusyWindow::capacity);
        }
        return new Meters(counting("allTimer", tags), timed("successTimer", tags), timed("failureTimer", tags),
                counting("ignoredTimer", tags), eventBus ? untaggedCounters : counters(tags), capacity);
    }

    private Counters counters(Tags tags) {
        return new Counters(registry.counter(bus + ".ingestedCounter", tags),
                registry.counter(bus + ".successCounter", tags), registry.counter(bus + ".failureCounter", tags),
                registry.counter(bus + ".processedCounter", tags), registry.counter(bus + ".ignoredCounter", tags));
    }

    private Timer timed(String name, Tags tags) {
        return AxonTimers.withPercentiles(registry, bus + "." + name, tags);
    }

    private Timer counting(String name, Tags tags) {
        return AxonTimers.counting(registry, bus + "." + name, tags);
    }

    private record Counters(Counter ingested, Counter successes, Counter failures, Counter processed,
                            Counter ignored) {
    }

    /** One bus's meters for one message type; the window is held here, as the registry holds gauges weakly. */
    private record Meters(Timer all, Timer success, Timer failure, Timer ignoredTimer, Counters counters,
                          BusyWindow capacity) {
    }
}
