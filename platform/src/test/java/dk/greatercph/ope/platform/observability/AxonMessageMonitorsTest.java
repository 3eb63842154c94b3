package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message monitors the platform declares reach both kinds of streaming processor Axon builds — tracking (the
 * default here) and pooled — and the command bus, with bounded tags: the processor's name and the message's type.
 * Built on Axon's own configurer with its in-memory storage, as this is about Axon's wiring, not about the store.
 */
class AxonMessageMonitorsTest {

    record Ping(String text) {
    }

    record SendPing(String text) {
    }

    static final CountDownLatch HANDLED = new CountDownLatch(2);

    @ProcessingGroup("tracked")
    static class Tracked {
        @EventHandler
        void on(Ping ping) {
            HANDLED.countDown();
        }
    }

    @ProcessingGroup("pooled")
    static class Pooled {
        @EventHandler
        void on(Ping ping) {
            HANDLED.countDown();
        }
    }

    static class Pinger {
        @CommandHandler
        void handle(SendPing command, org.axonframework.eventhandling.EventBus events) {
            events.publish(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(new Ping(command.text())));
        }
    }

    @Test
    void trackingAndPooledProcessorsAndTheCommandBusReportPerNameAndType() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerCommandHandler(c -> new Pinger());
        configurer.eventProcessing()
                .registerTrackingEventProcessor("tracked")
                .registerPooledStreamingEventProcessor("pooled")
                .registerEventHandler(c -> new Tracked())
                .registerEventHandler(c -> new Pooled());
        new MetricsConfigurerModule(new AxonMetrics(meters), true).configureModule(configurer);
        Configuration axon = configurer.buildConfiguration();
        axon.start();
        try {
            axon.commandGateway().sendAndWait(new SendPing("hello"));
            assertThat(HANDLED.await(20, TimeUnit.SECONDS)).as("both processors handled the event").isTrue();

            assertThat(meters.find("commandBus.allTimer").tag("payloadType", "SendPing").timer()).isNotNull();
            for (String processor : new String[]{"tracked", "pooled"}) {
                assertThat(meters.find("eventProcessor.latency").tag("processorName", processor).gauge())
                        .as(processor).isNotNull();
                assertThat(meters.find("eventProcessor.successTimer").tag("processorName", processor)
                        .tag("payloadType", "Ping").timer()).as(processor).isNotNull();
            }
        } finally {
            axon.shutdown();
        }
    }

    /**
     * An event processor's meters are axon-micrometer's own: the same names, tags and kinds, counting the same
     * events, whether Axon's monitors or {@link EventProcessorMonitor} keep them; only the all- and ignored-timers'
     * percentiles are left out.
     */
    @Test
    void anEventProcessorKeepsTheMetersAxonWould() {
        MeterRegistry axons = new SimpleMeterRegistry();
        MeterRegistry ours = new SimpleMeterRegistry();
        feed(new GlobalMetricRegistry(axons).registerComponentWithDefaultTags(TrackingEventProcessor.class, "board"));
        feed(new AxonMetrics(ours).registerComponentWithDefaultTags(TrackingEventProcessor.class, "board"));

        assertThat(described(ours)).isNotEmpty().containsExactlyInAnyOrderElementsOf(withoutCountingPercentiles(axons));
        assertThat(ours.find("eventProcessor.processedCounter").tag("payloadType", "Ping").counter().count())
                .isEqualTo(4);
        assertThat(ours.find("eventProcessor.ignoredTimer").tag("payloadType", "SendPing").timer().count())
                .isEqualTo(2);
        assertThat(ours.find("eventProcessor.latency").tag("processorName", "board").gauge().value())
                .isGreaterThanOrEqualTo(0);
    }

    /**
     * A bus's meters are axon-micrometer's own too, for each kind of bus Axon monitors: the same names, tags and
     * kinds, counting the same messages (but the all- and ignored-timers' percentiles); the event bus counts without
     * tags and has no capacity gauge, as in Axon.
     */
    @ParameterizedTest
    @ValueSource(classes = {CommandBus.class, EventStore.class, QueryBus.class, QueryUpdateEmitter.class})
    void aBusKeepsTheMetersAxonWould(Class<?> bus) {
        MeterRegistry axons = new SimpleMeterRegistry();
        MeterRegistry ours = new SimpleMeterRegistry();
        feed(new GlobalMetricRegistry(axons).registerComponentWithDefaultTags(bus, "someBus"));
        feed(new AxonMetrics(ours).registerComponentWithDefaultTags(bus, "someBus"));

        assertThat(described(ours)).isNotEmpty().containsExactlyInAnyOrderElementsOf(withoutCountingPercentiles(axons));
        assertThat(ours.find("someBus.allTimer").tag("payloadType", "Ping").timer().count()).isEqualTo(4);
        assertThat(ours.find("someBus.ignoredCounter").counters().stream().mapToDouble(Counter::count).sum())
                .isEqualTo(2);
    }

    /**
     * The timers of handling keep Axon's percentiles (the handler and command latency an administrator reads); the
     * all- and ignored-timers, recorded for every event a processor skips, keep count, sum and maximum only.
     */
    @ParameterizedTest
    @ValueSource(classes = {TrackingEventProcessor.class, CommandBus.class, EventStore.class})
    void onlyTheTimersOfHandlingKeepPercentiles(Class<?> component) {
        MeterRegistry registry = new SimpleMeterRegistry();
        feed(new AxonMetrics(registry).registerComponentWithDefaultTags(component, "measured"));
        String prefix = component == TrackingEventProcessor.class ? "eventProcessor" : "measured";

        for (String handling : new String[]{"successTimer", "failureTimer"}) {
            Timer timer = registry.find(prefix + "." + handling).tag("payloadType", "Ping").timer();
            assertThat(timer.takeSnapshot().percentileValues()).as(handling).hasSize(6);
        }
        for (String counting : new String[]{"allTimer Ping", "allTimer SendPing", "ignoredTimer SendPing"}) {
            String[] nameAndType = counting.split(" ");
            Timer timer = registry.find(prefix + "." + nameAndType[0]).tag("payloadType", nameAndType[1]).timer();
            assertThat(timer.takeSnapshot().percentileValues()).as(counting).isEmpty();
            assertThat(timer.count()).as(counting).isPositive();
            assertThat(timer.max(TimeUnit.NANOSECONDS)).as(counting).isPositive();
        }
        assertThat(registry.find(prefix + ".allTimer.percentile").gauges()).isEmpty();
        assertThat(registry.find(prefix + ".ignoredTimer.percentile").gauges()).isEmpty();
    }

    /** A handling bus's capacity gauge sums the time its messages took, per type, over ten minutes. */
    @Test
    @SuppressWarnings("unchecked")
    void aHandlingBusReportsTheShareOfTimeSpentHandling() throws InterruptedException {
        MeterRegistry registry = new SimpleMeterRegistry();
        MessageMonitor<Message<?>> monitor = (MessageMonitor<Message<?>>) new AxonMetrics(registry)
                .registerComponentWithDefaultTags(CommandBus.class, "commandBus");
        MessageMonitor.MonitorCallback handling = monitor.onMessageIngested(new GenericMessage<>(new SendPing("x")));
        Thread.sleep(60);
        handling.reportSuccess();

        double capacity = registry.find("commandBus.capacity").tag("payloadType", "SendPing").gauge().value();

        assertThat(capacity * 600).as("seconds busy in the window").isBetween(0.06, 5.0);
    }

    /**
     * The latency gauge works out the last event's age when it is read: a stored event's time stamp is text until
     * asked for, and the monitor of every processor sees every event, most of them ignored.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theLatencyGaugeParsesTheLastEventsTimeStampOnlyWhenItIsRead() {
        MeterRegistry registry = new SimpleMeterRegistry();
        MessageMonitor<Message<?>> monitor = (MessageMonitor<Message<?>>) new AxonMetrics(registry)
                .registerComponentWithDefaultTags(TrackingEventProcessor.class, "board");
        AtomicInteger parsed = new AtomicInteger();
        Instant stamped = Instant.now().minusSeconds(30);
        for (int i = 0; i < 3; i++) {
            monitor.onMessageIngested(new GenericEventMessage<>(new GenericMessage<>(new SendPing("not for me " + i)),
                    () -> {
                        parsed.incrementAndGet();
                        return stamped;
                    })).reportIgnored();
        }
        assertThat(parsed).hasValue(0);

        double latency = registry.find("eventProcessor.latency").tag("processorName", "board").gauge().value();

        assertThat(parsed).hasValue(1);
        assertThat(latency).isBetween(30_000.0, 90_000.0);
    }

    /** Three events handled, one failed and two ignored, in two types. */
    @SuppressWarnings("unchecked")
    private static void feed(MessageMonitor<? extends Message<?>> monitor) {
        MessageMonitor<Message<?>> events = (MessageMonitor<Message<?>>) monitor;
        for (int i = 0; i < 3; i++) {
            events.onMessageIngested(GenericEventMessage.asEventMessage(new Ping("ok " + i))).reportSuccess();
        }
        events.onMessageIngested(GenericEventMessage.asEventMessage(new Ping("bad")))
                .reportFailure(new IllegalStateException("refused"));
        for (int i = 0; i < 2; i++) {
            events.onMessageIngested(GenericEventMessage.asEventMessage(new SendPing("not for me " + i)))
                    .reportIgnored();
        }
    }

    /** Every meter as its name, kind, tags and count (timers and counters); values of gauges left out. */
    /**
     * Axon's meters as {@link #described}, less the percentiles of the all- and ignored-timers, which are the one
     * thing the platform leaves out.
     */
    private static List<String> withoutCountingPercentiles(MeterRegistry axons) {
        return described(axons).stream()
                .filter(meter -> !meter.contains("allTimer.percentile ") && !meter.contains("ignoredTimer.percentile "))
                .toList();
    }

    private static List<String> described(MeterRegistry registry) {
        return registry.getMeters().stream().map(meter -> {
            Meter.Id id = meter.getId();
            String count = meter instanceof Counter counter ? " " + counter.count()
                    : meter instanceof Timer timer ? " " + timer.count() : "";
            return id.getName() + " " + id.getType() + " " + id.getTags() + count;
        }).toList();
    }
}
