package dk.greatercph.ope.query.audit;

/** A page of the global event log after a position, optionally for one aggregate or of one event type. */
public record FindAuditEventsQuery(long afterPosition, String aggregateId, String eventType, int limit) {
}
