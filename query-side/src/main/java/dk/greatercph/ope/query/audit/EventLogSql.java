package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.platform.eventstore.StoredEvent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL that selects events from the event table by a filter: only the conditions given are part of the
 * statement, so each can use its index (time: {@code ope_event_time(timeStamp)}; ids: the unique keys).
 */
record EventLogSql(String sql, Map<String, Object> params) {

    static EventLogSql select(long afterPosition, FindAuditEventsQuery.EventFilter filter, Integer limit) {
        StringBuilder sql = new StringBuilder("SELECT " + StoredEvent.COLUMNS
                + " FROM DomainEventEntry WHERE globalIndex > :after");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("after", afterPosition);
        if (filter.from() != null) {
            sql.append(" AND ope_event_time(timeStamp) >= :from");
            params.put("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND ope_event_time(timeStamp) < :to");
            params.put("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        if (filter.aggregateType() != null) {
            // ignoring case, as the timeline's path does: "delegation" found nothing and said so with an empty page
            sql.append(" AND lower(type) = :aggregateType AND eventIdentifier <> aggregateIdentifier");
            params.put("aggregateType", filter.aggregateType().toLowerCase(Locale.ROOT));
        }
        if (filter.aggregateId() != null) {
            sql.append(" AND aggregateIdentifier = :aggregateId AND eventIdentifier <> aggregateIdentifier");
            params.put("aggregateId", filter.aggregateId());
        }
        if (filter.eventType() != null) {
            // the simple or qualified name, ignoring case, with or without "Event": "delegationregistered" or
            // "DelegationRegistered" found nothing, only the class's exact name did
            String simple = filter.eventType().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            sql.append(" AND (lower(payloadType) = lower(:eventType) OR payloadType ILIKE :qualifiedEventType"
                    + " OR payloadType ILIKE :qualifiedEventTypeEvent)");
            params.put("eventType", filter.eventType());
            params.put("qualifiedEventType", "%." + simple);
            params.put("qualifiedEventTypeEvent", "%." + simple + "Event");
        }
        if (filter.actor() != null) {
            // user names are lower case; "Desk" found nothing
            sql.append(" AND lower(CAST(convert_from(metaData, 'UTF8') AS JSONB) ->> 'actor') = :actor");
            params.put("actor", filter.actor().toLowerCase(Locale.ROOT));
        }
        sql.append(" ORDER BY globalIndex");
        if (limit != null) {
            sql.append(" LIMIT :limit");
            params.put("limit", limit);
        }
        return new EventLogSql(sql.toString(), params);
    }
}
