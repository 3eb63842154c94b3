package dk.greatercph.ope.platform.eventstore;

import java.sql.ResultSet;
import java.time.Instant;
import java.sql.SQLException;

/**
 * One row of the event table exactly as stored: the bytes an auditor's hash chain covers.
 *
 * @param globalIndex         position in the global, ordered log
 * @param eventIdentifier     the event's unique id
 * @param aggregateIdentifier the aggregate's id (the event id again for an event without aggregate)
 * @param sequenceNumber      the aggregate's version after this event
 * @param type                the aggregate type, absent for an event without aggregate
 * @param payloadType         the payload's class name
 * @param payloadRevision     the payload's revision
 * @param payload             the serialized payload
 * @param metaData            the serialized metadata
 * @param timeStamp           the ISO-8601 time stamp as written
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
                          String timeStamp) {

    /** The columns {@link #read(ResultSet)} expects, for a {@code SELECT} on the event table. */
    public static final String COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
            + "payloadType, payloadRevision, payload, metaData, timeStamp";

    /** Reads the current row of a result set that selected {@link #COLUMNS}. */
    public static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(
                rs.getLong("globalIndex"),
                rs.getString("eventIdentifier"),
                rs.getString("aggregateIdentifier"),
                rs.getLong("sequenceNumber"),
                rs.getString("type"),
                rs.getString("payloadType"),
                rs.getString("payloadRevision"),
                rs.getBytes("payload"),
                rs.getBytes("metaData"),
                rs.getString("timeStamp"));
    }

    /**
     * The time stamp as an instant: the layout the store writes read by hand ({@link StoredTimestamps}), any other
     * text by {@link Instant#parse}, which also gives the same error as before for text that is no time stamp.
     */
    public Instant instant() {
        Instant instant = StoredTimestamps.parseLayout(timeStamp);
        return instant != null ? instant : Instant.parse(timeStamp);
    }

    /** Whether the event belongs to an aggregate (Axon stores an event without one under its own id). */
    public boolean isDomainEvent() {
        return !eventIdentifier.equals(aggregateIdentifier);
    }
}
