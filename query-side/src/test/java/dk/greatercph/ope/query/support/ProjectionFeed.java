package dk.greatercph.ope.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds events into a projection the way an event processor does: as tracked domain event messages through Axon's
 * annotation adapter, so that {@code @SequenceNumber}, {@code @Timestamp}, {@code @MetaDataValue} and the tracking
 * token are resolved as in the application. Positions come from {@link QueryDatabase#nextToken()}.
 */
public final class ProjectionFeed {

    /** The metadata of an event the desk caused. */
    public static final Map<String, String> BY_DESK = Map.of("actor", "desk", "actorRole", "DESK");

    private final AnnotationEventHandlerAdapter adapter;

    public ProjectionFeed(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    /** Handles {@code event}, the {@code sequence}th of aggregate {@code aggregateId}, as caused by the desk. */
    public void feed(String aggregateId, long sequence, Object event, Instant at) {
        feed(aggregateId, sequence, event, at, BY_DESK);
    }

    public void feed(String aggregateId, long sequence, Object event, Instant at, Map<String, ?> metaData) {
        var message = new GenericDomainEventMessage<>(event.getClass().getSimpleName(), aggregateId, sequence,
                event, MetaData.from(metaData), UUID.randomUUID().toString(), at);
        try {
            adapter.handle(new GenericTrackedDomainEventMessage<>(QueryDatabase.nextToken(), message));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
