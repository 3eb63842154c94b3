package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.platform.support.PlatformIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the event store keeps and reads for the streaming processors: as many events in memory as
 * {@code ope.event-store.cached-events} says, and a count of the events it read from the table for them.
 */
@PlatformIntegrationTest
class SharedEventCacheTest {

    @Autowired
    EmbeddedEventStore eventStore;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    MeterRegistry registry;

    /**
     * Axon keeps the number to its event producer and offers no getter, so this reads the producer's field: without
     * the setting the producer keeps Axon's 10,000.
     */
    @Test
    void theStoreKeepsAsManyEventsForTheProcessorsAsConfigured() throws ReflectiveOperationException {
        Field producerField = EmbeddedEventStore.class.getDeclaredField("producer");
        producerField.setAccessible(true);
        Object producer = producerField.get(eventStore);
        Field cachedEvents = producer.getClass().getDeclaredField("cachedEvents");
        cachedEvents.setAccessible(true);

        assertThat(cachedEvents.getInt(producer)).isEqualTo(12_345);
    }

    @Test
    void everyEventReadForAProcessorIsCounted() {
        String aggregate = "TST-" + UUID.randomUUID();
        TrackingToken head = engine.createHeadToken();
        engine.appendEvents(List.of(event(aggregate, 0), event(aggregate, 1), event(aggregate, 2)));
        double before = eventsRead();

        List<TrackedEventMessage<?>> read;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(head, false)) {
            read = events.filter(event -> event instanceof DomainEventMessage<?> domain
                    && aggregate.equals(domain.getAggregateIdentifier())).limit(3)
                    .<TrackedEventMessage<?>>map(event -> event).toList();
        }

        assertThat(read).hasSize(3);
        assertThat(eventsRead() - before).isGreaterThanOrEqualTo(3);
    }

    private double eventsRead() {
        return registry.get(EventStoreAutoConfiguration.EVENTS_READ).functionCounter().count();
    }

    private static GenericDomainEventMessage<Counted> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("TestAggregate", aggregate, sequence, new Counted(sequence), Map.of());
    }

    record Counted(long number) {
    }
}
