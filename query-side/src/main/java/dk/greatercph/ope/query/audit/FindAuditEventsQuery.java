package dk.greatercph.ope.query.audit;

import java.time.Instant;

/**
 * A page of the global event log after a position, narrowed by any of: a time range (from inclusive, to
 * exclusive), an aggregate type or id, an event type, the acting user.
 */
public record FindAuditEventsQuery(long afterPosition, EventFilter filter, int limit) {

    /** What narrows the log; every part is optional. */
    public record EventFilter(Instant from, Instant to, String aggregateType, String aggregateId, String eventType,
                              String actor) {

        static EventFilter timeRange(Instant from, Instant to) {
            return new EventFilter(from, to, null, null, null, null);
        }
    }
}
