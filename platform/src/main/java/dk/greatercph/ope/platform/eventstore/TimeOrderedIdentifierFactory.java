package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.events.TimeOrderedUuid;
import org.axonframework.common.IdentifierFactory;

/**
 * Message identifiers that begin with the time they were made: UUIDs of version 7 ({@link TimeOrderedUuid}) in place
 * of Axon's wholly random version 4. Axon finds it through {@code META-INF/services}; every message identifier
 * (events, commands, queries) is made here.
 * <p>
 * Why: the event table keeps a unique index of event identifiers (Axon's schema). A random identifier puts each
 * appended event's entry on a random page of an index as large as the log, which on a long log is seldom in
 * PostgreSQL's buffers; a time-ordered one puts it beside the entries of the events appended just before. The text is
 * a UUID as before (36 characters, lower-case hex), and no identifier already stored changes.
 * <p>
 * The random bits are those of {@code UUID.randomUUID()} (the same strong generator as Axon's), of which 48 give way
 * to the time: an identifier stays unguessable, and says when it was made, as the event's time stamp beside it does.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return TimeOrderedUuid.next().toString();
    }
}
