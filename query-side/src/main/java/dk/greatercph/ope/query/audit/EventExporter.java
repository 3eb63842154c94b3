package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.eventstore.StoredEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes events as NDJSON, one {@link AuditEventView} per line, straight from a database cursor. */
@Component
class EventExporter {

    private static final byte NEWLINE = '\n';

    private final EventCursor cursor;
    private final JsonMapper json;
    private final PersonalData personalData;

    EventExporter(EventCursor cursor, JsonMapper json, PersonalData personalData) {
        this.cursor = cursor;
        this.json = json;
        this.personalData = personalData;
    }

    /** Writes every event the filter selects, in order; returns how many were written. */
    long export(FindAuditEventsQuery.EventFilter filter, OutputStream out) {
        EventLogSql select = EventLogSql.select(-1, filter, null);
        long[] written = {0};
        cursor.stream(select.sql(), select.params(), rs -> {
            try {
                out.write(json.writeValueAsBytes(AuditEventView.readable(StoredEvent.read(rs), json, personalData)));
                out.write(NEWLINE);
                written[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return written[0];
    }
}
