package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.eventstore.StoredEvent;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Reads the global event log straight from the event store, in the order of the global index. */
@Component
class EventLogReader {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PersonalData personalData;

    EventLogReader(JdbcClient jdbc, JsonMapper json, PersonalData personalData) {
        this.jdbc = jdbc;
        this.json = json;
        this.personalData = personalData;
    }

    @QueryHandler
    AuditEventPage handle(FindAuditEventsQuery query) {
        EventLogSql select = EventLogSql.select(query.afterPosition(), query.filter(), query.limit());
        List<AuditEventView> events = jdbc.sql(select.sql())
                .params(select.params())
                .query((rs, rowNum) -> AuditEventView.readable(StoredEvent.read(rs), json, personalData))
                .list();
        String next = events.isEmpty() ? null : Long.toString(events.get(events.size() - 1).position());
        return new AuditEventPage(events, next);
    }
}
