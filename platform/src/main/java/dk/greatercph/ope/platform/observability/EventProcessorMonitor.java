package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The meters axon-micrometer keeps for an event processor, with its names, tags and statistics, found once per
 * processor and event type instead of at every event.
 * <p>
 * Axon's dimensional monitors build the tags and look up some ten meters in the registry for every event and
 * processor, ignored events included; with eleven processors that was about a fifth of the processors' CPU in a
 * profile. These are the same meters: {@code eventProcessor.allTimer}, {@code successTimer}, {@code failureTimer} and
 * {@code ignoredTimer} (over ten minutes; percentiles 0.5 to 0.999 for the success and failure timers only, see
 * {@link AxonTimers}), {@code eventProcessor.ingestedCounter},
 * {@code successCounter}, {@code failureCounter}, {@code processedCounter} and {@code ignoredCounter}, and
 * {@code eventProcessor.capacity} (time spent handling over the last ten minutes, per nanosecond of that window, kept
 * by {@link BusyWindow}), all
 * tagged {@code payloadType} (the event class's simple name) and {@code processorName}; and
 * {@code eventProcessor.latency} (milliseconds from the last event's time stamp to its handling) tagged
 * {@code processorName}.
 */
final class EventProcessorMonitor implements MessageMonitor<Message<?>> {

    private static final String PREFIX = "eventProcessor";

    private final String processor;
    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicReference<Ingested> latest = new AtomicReference<>();
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    EventProcessorMonitor(String processor, MeterRegistry registry) {
        this.processor = processor;
        this.registry = registry;
        this.clock = Clock.SYSTEM;
        Gauge.builder(PREFIX + ".latency", this::latency).tags(Tags.of("processorName", processor)).register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::meters);
        meters.ingested.increment();
        if (message instanceof EventMessage<?> event) {
            latest.set(new Ingested(event, clock.wallTime()));
        }
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                long took = took(start);
                meters.success.record(took, TimeUnit.NANOSECONDS);
                meters.successes.increment();
                meters.processed.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                long took = took(start);
                meters.failure.record(took, TimeUnit.NANOSECONDS);
                meters.failures.increment();
                meters.processed.increment();
            }

            @Override
            public void reportIgnored() {
                meters.ignoredTimer.record(took(start), TimeUnit.NANOSECONDS);
                meters.ignored.increment();
            }

            /** Records the time into the all-timer and the capacity window, and returns it. */
            private long took(long since) {
                long took = clock.monotonicTime() - since;
                meters.all.record(took, TimeUnit.NANOSECONDS);
                meters.capacity.add(took);
                return took;
            }
        };
    }

    private Meters meters(Class<?> payloadType) {
        Tags tags = Tags.of("payloadType", payloadType.getSimpleName(), "processorName", processor);
        BusyWindow capacity = new BusyWindow(clock);
        Meters meters = new Meters(counting("allTimer", tags), timed("successTimer", tags), timed("failureTimer", tags),
                counting("ignoredTimer", tags), registry.counter(PREFIX + ".ingestedCounter", tags),
                registry.counter(PREFIX + ".successCounter", tags), registry.counter(PREFIX + ".failureCounter", tags),
                registry.counter(PREFIX + ".processedCounter", tags), registry.counter(PREFIX + ".ignoredCounter", tags),
                capacity);
        registry.gauge(PREFIX + ".capacity", tags, capacity, BusyWindow::capacity);
        return meters;
    }

    private Timer timed(String name, Tags tags) {
        return AxonTimers.withPercentiles(registry, PREFIX + "." + name, tags);
    }

    private Timer counting(String name, Tags tags) {
        return AxonTimers.counting(registry, PREFIX + "." + name, tags);
    }

    /**
     * Milliseconds from the last event's time stamp to when it was handled, worked out when the gauge is read: a
     * stored event's time stamp is text until asked for, and parsing it at every event, in every processor, ignored
     * events included, was 6 % of the processors' CPU in a profile of the benchmark's live row.
     */
    private double latency() {
        Ingested last = latest.get();
        return last == null ? 0 : last.at() - last.event().getTimestamp().toEpochMilli();
    }

    /** The last event a processor took in, and the wall-clock time it did. */
    private record Ingested(EventMessage<?> event, long at) {
    }

    /** One processor's meters for one event type; the window is held here, as the registry holds gauges weakly. */
    private record Meters(Timer all, Timer success, Timer failure, Timer ignoredTimer, Counter ingested,
                          Counter successes, Counter failures, Counter processed, Counter ignored,
                          BusyWindow capacity) {
    }
}
