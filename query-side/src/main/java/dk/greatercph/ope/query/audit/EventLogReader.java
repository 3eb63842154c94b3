package dk.greatercph.ope.query.audit;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Reads the global event log straight from the event store, in the order of the global index. */
@Component
class EventLogReader {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventLogReader(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    AuditEventPage handle(FindAuditEventsQuery query) {
        List<AuditEventView> events = jdbc.sql("""
                        SELECT globalIndex, eventIdentifier, type, aggregateIdentifier, sequenceNumber, payloadType,
                               payloadRevision, timeStamp, payload, metaData
                        FROM DomainEventEntry
                        WHERE globalIndex > :after
                          AND (CAST(:aggregateId AS VARCHAR) IS NULL OR aggregateIdentifier = :aggregateId)
                          AND (CAST(:eventType AS VARCHAR) IS NULL OR payloadType = :eventType
                               OR payloadType LIKE '%.' || :eventType)
                        ORDER BY globalIndex
                        LIMIT :limit
                        """)
                .param("after", query.afterPosition())
                .param("aggregateId", query.aggregateId())
                .param("eventType", query.eventType())
                .param("limit", query.limit())
                .query(this::view)
                .list();
        String next = events.isEmpty() ? null : Long.toString(events.get(events.size() - 1).position());
        return new AuditEventPage(events, next);
    }

    private AuditEventView view(ResultSet rs, int rowNum) throws SQLException {
        String payloadType = rs.getString("payloadType");
        String eventId = rs.getString("eventIdentifier");
        String aggregateId = rs.getString("aggregateIdentifier");
        boolean domainEvent = !eventId.equals(aggregateId);
        return new AuditEventView(
                rs.getLong("globalIndex"),
                eventId,
                domainEvent ? rs.getString("type") : null,
                domainEvent ? aggregateId : null,
                domainEvent ? rs.getLong("sequenceNumber") : null,
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                payloadType,
                rs.getString("payloadRevision"),
                Instant.parse(rs.getString("timeStamp")),
                tree(rs.getBytes("payload")),
                tree(rs.getBytes("metaData")));
    }

    private JsonNode tree(byte[] bytes) {
        return bytes == null ? json.createObjectNode() : json.readTree(bytes);
    }
}
