package dk.greatercph.ope.query.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks every event a handler fails on, loudly: nothing is skipped in silence. The cause is kept as its type and
 * message, with control characters (which PostgreSQL text cannot hold) replaced, so that the cause itself can
 * always be stored.
 */
final class ParkEveryFailure implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ParkEveryFailure.class);

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        EventMessage<?> event = letter.message();
        String aggregate = event instanceof DomainEventMessage<?> domain
                ? domain.getType() + " " + domain.getAggregateIdentifier() + " #" + domain.getSequenceNumber()
                : "no aggregate";
        log.error("Parked event {} ({}, {}) in the dead-letter queue: {}", event.getIdentifier(),
                event.getPayloadType().getSimpleName(), aggregate, cause.toString().replaceAll("\\p{Cntrl}", "?"));
        return Decisions.enqueue(storable(cause));
    }

    static Throwable storable(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.chars().noneMatch(Character::isISOControl)) {
            return cause;
        }
        return new ProjectionFailure(cause.getClass().getName() + ": " + message.replaceAll("\\p{Cntrl}", "?"), cause);
    }

    /** A handler's failure whose message had to be cleaned before it could be stored. */
    static final class ProjectionFailure extends RuntimeException {
        ProjectionFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
