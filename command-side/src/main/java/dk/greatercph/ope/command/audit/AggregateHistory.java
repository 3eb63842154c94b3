package dk.greatercph.ope.command.audit;

import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.EntityId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * Reads one aggregate's events from the event store and folds them, up to a moment or a version, with the
 * aggregate's own {@code @EventSourcingHandler} methods, exactly as Axon does when it loads the aggregate for a
 * command, but with no snapshot and stopping where the auditor asks.
 */
@Component
class AggregateHistory {

    /** Renders an aggregate root by its fields, whatever their visibility; aggregates have no getters. */
    private static final JsonMapper FIELDS = JsonMapper.builder()
            .changeDefaultVisibility(visibility -> visibility
                    .withFieldVisibility(ANY)
                    .withGetterVisibility(NONE)
                    .withIsGetterVisibility(NONE)
                    .withSetterVisibility(NONE))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                /** An entity inside an aggregate shows its id once: as its key in the aggregate's map. */
                @Override
                public boolean hasIgnoreMarker(MapperConfig<?> config, AnnotatedMember member) {
                    return member.hasAnnotation(EntityId.class) || super.hasIgnoreMarker(config, member);
                }
            })
            .build();

    /** Renders payloads and metadata as they are serialized. */
    private static final JsonMapper VALUES = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private final AuditedAggregates aggregates;
    private final EventStore eventStore;
    private final PersonalData personalData;

    AggregateHistory(AuditedAggregates aggregates, EventStore eventStore, PersonalData personalData) {
        this.aggregates = aggregates;
        this.eventStore = eventStore;
        this.personalData = personalData;
    }

    AggregateTimelineView timeline(String type, String id) {
        AuditedAggregates.AuditedAggregate<?> aggregate = aggregates.named(type);
        List<? extends DomainEventMessage<?>> events = events(aggregate, id);
        return new AggregateTimelineView(aggregate.name(), id, events.stream()
                .map(event -> new AggregateTimelineView.Entry(event.getSequenceNumber(), event.getIdentifier(),
                        event.getPayloadType().getSimpleName(), event.getPayloadType().getName(),
                        event.getTimestamp(), personalData.openAll(VALUES.valueToTree(event.getPayload())),
                        VALUES.valueToTree(event.getMetaData())))
                .toList());
    }

    AggregateStateView stateAt(String type, String id, Instant at, Long version) {
        AuditedAggregates.AuditedAggregate<?> aggregate = aggregates.named(type);
        List<? extends DomainEventMessage<?>> events = events(aggregate, id).stream()
                .takeWhile(event -> version == null || event.getSequenceNumber() <= version)
                .takeWhile(event -> at == null || !event.getTimestamp().isAfter(at))
                .collect(Collectors.toList());
        if (events.isEmpty()) {
            throw new DomainProblem(AuditProblem.DID_NOT_EXIST_YET,
                    aggregate.name() + " '" + id + "' did not exist yet at "
                            + (at != null ? at : "version " + version) + ".");
        }
        if (version != null && events.get(events.size() - 1).getSequenceNumber() < version && at == null) {
            throw new DomainProblem(AuditProblem.VERSION_NOT_FOUND,
                    aggregate.name() + " '" + id + "' has no version " + version + ".");
        }
        return fold(aggregate, id, events);
    }

    private <A> AggregateStateView fold(AuditedAggregates.AuditedAggregate<A> aggregate, String id,
                                        List<? extends DomainEventMessage<?>> events) {
        DomainEventMessage<?> first = events.get(0);
        DomainEventMessage<?> last = events.get(events.size() - 1);
        A root = aggregate.factory().createAggregateRoot(id, first);
        EventSourcedAggregate<A> folded = EventSourcedAggregate.initialize(root, aggregate.model(), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        folded.initializeState(DomainEventStream.of(events.stream()));
        // sealed personal fields opened as the timeline opens them: a trip's leader showed as its ciphertext
        JsonNode state = personalData.openAll(folded.invoke(FIELDS::valueToTree));
        return new AggregateStateView(aggregate.name(), id, last.getSequenceNumber(), last.getTimestamp(),
                folded.isDeleted(), state);
    }

    private List<? extends DomainEventMessage<?>> events(AuditedAggregates.AuditedAggregate<?> aggregate, String id) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id, 0).asStream().toList();
        if (events.isEmpty() || !aggregate.name().equals(events.get(0).getType())) {
            throw new DomainProblem(AuditProblem.AGGREGATE_NOT_FOUND,
                    "There is no " + aggregate.name() + " '" + id + "'.");
        }
        return events;
    }
}
