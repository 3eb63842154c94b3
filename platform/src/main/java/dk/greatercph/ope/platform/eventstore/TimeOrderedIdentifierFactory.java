package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.events.TimeOrderedUuid;
import org.axonframework.common.IdentifierFactory;

/**
 * Message identifiers that begin with the time they were made: UUIDs of version 7 ({@link TimeOrderedUuid}, which
 * says why) in place of Axon's wholly random version 4. Axon finds it through {@code META-INF/services}; every message
 * identifier (events, commands, queries) is made here. For the event table, whose unique index of event identifiers
 * is as large as the log, each appended event's entry then lands beside those appended just before. No identifier
 * already stored changes.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return TimeOrderedUuid.next().toString();
    }
}
