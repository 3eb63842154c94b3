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

        /** An empty filter ({@code ?actor=}) is no filter, as an empty date is; it matched nothing. */
        public EventFilter {
            aggregateType = blankAsNone(aggregateType);
            aggregateId = blankAsNone(aggregateId);
            eventType = blankAsNone(eventType);
            actor = blankAsNone(actor);
        }

        private static String blankAsNone(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        static EventFilter timeRange(Instant from, Instant to) {
            return new EventFilter(from, to, null, null, null, null);
        }
    }
}
