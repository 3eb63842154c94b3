package dk.greatercph.ope.command.lookup;

import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.UnknownSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds every command-side lookup table from the event store in one transaction. The tables are locked
 * against writes first: a command that wrote to them commits (with its events) before the rebuild reads the
 * history, and a command that wants to write waits until the rebuilt tables are committed. Commands that only
 * read them go on reading the tables as they were. A history that contradicts a table's keys (two events naming
 * the same routing version, which the command side never writes) is refused with 409 and changes nothing.
 */
@Service
class LookupRebuild {

    private static final Logger log = LoggerFactory.getLogger(LookupRebuild.class);

    private final List<RebuildableLookup> lookups;
    private final EventStore eventStore;
    private final JdbcClient jdbc;

    LookupRebuild(List<RebuildableLookup> lookups, EventStore eventStore, JdbcClient jdbc) {
        this.lookups = lookups;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    @Transactional
    public LookupRebuildView rebuild() {
        List<String> tables = lookups.stream().flatMap(lookup -> lookup.tables().stream()).sorted().toList();
        jdbc.sql("LOCK TABLE " + String.join(", ", tables) + " IN EXCLUSIVE MODE").update();
        Map<String, String> before = digests(tables);

        List<RebuildableLookup.Replay> replays = lookups.stream().map(RebuildableLookup::replay).toList();
        long events = 0;
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        if (headPosition >= 0) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                long position = -1;
                while (position < headPosition) {
                    if (!stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("The event store stopped delivering events at position "
                                + position + " before its head " + headPosition);
                    }
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    position = event.trackingToken().position().orElse(position);
                    events++;
                    if (event.getPayloadType() == UnknownSerializedType.class) {
                        continue;
                    }
                    Object payload = event.getPayload();
                    try {
                        for (RebuildableLookup.Replay replay : replays) {
                            replay.on(payload, event.getTimestamp());
                        }
                    } catch (DataIntegrityViolationException e) {
                        throw new DomainProblem(LookupProblem.LOOKUP_REBUILD_CONFLICT, "Event "
                                + event.getIdentifier() + " at position " + position + " (" + event.getPayloadType()
                                .getSimpleName() + ") contradicts what earlier events wrote to the lookup tables; "
                                + "nothing was changed.");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the event store", e);
            }
        }

        Map<String, String> after = digests(tables);
        List<LookupRebuildView.Table> rebuilt = new ArrayList<>();
        for (String table : tables) {
            long rows = jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
            rebuilt.add(new LookupRebuildView.Table(table, rows, !before.get(table).equals(after.get(table))));
        }
        log.info("Rebuilt the command-side lookup tables from {} events: {}", events, rebuilt);
        return new LookupRebuildView(events, headPosition, rebuilt);
    }

    /** An md5 of each table's rows in a fixed order, to tell whether the rebuild changed anything. */
    private Map<String, String> digests(List<String> tables) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : tables) {
            digests.put(table, jdbc.sql("SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                    + table + " t").query(String.class).single());
        }
        return digests;
    }
}
