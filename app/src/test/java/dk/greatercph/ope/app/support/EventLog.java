package dk.greatercph.ope.app.support;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.UUID;

/**
 * Appends domain events straight to the event store, as the command side would, so that projections can be tested
 * before or apart from the commands that cause them. Each event gets the aggregate's next sequence number and an
 * actor.
 */
public final class EventLog {

    public static final String ACTOR = "query-test";

    private final EventStore eventStore;
    private final TransactionTemplate transactions;

    public EventLog(EventStore eventStore, PlatformTransactionManager transactionManager) {
        this.eventStore = eventStore;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Appends {@code payloads} to the aggregate, in order, stamped now. */
    public void append(String aggregateType, String aggregateId, Object... payloads) {
        for (Object payload : payloads) {
            appendAt(aggregateType, aggregateId, Instant.now(), payload);
        }
    }

    /** Appends one event to the aggregate with the given timestamp. */
    public void appendAt(String aggregateType, String aggregateId, Instant at, Object payload) {
        transactions.executeWithoutResult(status -> {
            long sequence = eventStore.lastSequenceNumberFor(aggregateId).map(n -> n + 1).orElse(0L);
            eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                    MetaData.with("actor", ACTOR).and("actorRole", "SYSTEM"), UUID.randomUUID().toString(), at));
        });
    }

    /** The aggregate's current version: the sequence number of its last event. */
    public long version(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
    }
}
