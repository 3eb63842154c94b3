package dk.greatercph.ope.query.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * Parks every event a handler fails on, loudly: nothing is skipped in silence. A failure outside a savepoint is not
 * parked but rolls its batch back, to be retried with savepoints ({@link SavepointPerEvent}). The cause is kept as its type and
 * message, with control characters (which PostgreSQL text cannot hold) replaced, so that the cause itself can
 * always be stored.
 */
final class ParkEveryFailure implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ParkEveryFailure.class);

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (cause instanceof SavepointPerEvent.RetryWithSavepoints retry) {
            throw retry; // not parked: the batch is rolled back and retried with savepoints, which parks the event
        }
        EventMessage<?> event = letter.message();
        String aggregate = event instanceof DomainEventMessage<?> domain
                ? domain.getType() + " " + domain.getAggregateIdentifier() + " #" + domain.getSequenceNumber()
                : "no aggregate";
        log.error("Parked event {} ({}, {}) in the dead-letter queue: {}", event.getIdentifier(),
                event.getPayloadType().getSimpleName(), aggregate, shown(String.valueOf(cause)));
        return Decisions.enqueue(storable(cause));
    }

    /**
     * The cause as it can be stored and shown: the database's details of a refused row (which quote the row, and so
     * personal data) are dropped, control characters (which PostgreSQL text cannot hold) replaced, and the message
     * cut to what the dead-letter table's cause column holds, so that parking itself can never fail.
     */
    static Throwable storable(Throwable cause) {
        String message = cause.getMessage();
        String kept = message == null ? null : shown(cause.getClass().getName() + ": " + message);
        if (message == null || kept.equals(cause.getClass().getName() + ": " + message)) {
            return cause;
        }
        return new ProjectionFailure(kept, cause);
    }

    private static String shown(String message) {
        String withoutDetails = DETAIL_LINES.matcher(message).replaceAll("");
        String withoutRow = FAILING_ROW.matcher(withoutDetails).replaceAll("Failing row contains (…).");
        String clean = withoutRow.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_MESSAGE ? clean : clean.substring(0, MAX_MESSAGE - 1) + "…";
    }

    /** The cause column of Axon's dead-letter table is {@code VARCHAR(1023)}. */
    private static final int MAX_MESSAGE = 1000;
    private static final Pattern DETAIL_LINES = Pattern.compile(
            "(?m)^\\s*(Detail|Hint|Where|Internal Query|Context):.*$\\R?");
    private static final Pattern FAILING_ROW = Pattern.compile("Failing row contains \\(.*");

    /** A handler's failure whose message had to be cleaned before it could be stored. */
    static final class ProjectionFailure extends RuntimeException {
        ProjectionFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
