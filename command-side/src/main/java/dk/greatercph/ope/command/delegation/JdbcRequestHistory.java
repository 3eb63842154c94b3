package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.command.lookup.RebuildableLookup;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.RequestCorrectedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionApprovedEvent;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.platform.eventstore.WritesWithTheEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * R8's lookup table, written with each registration: the date the request was received, which R8's window counts
 * from, and the time of its event, to the millisecond as the event store keeps it, which orders requests received
 * on the same day; so a rebuild from the events writes the same rows.
 */
@Component
class JdbcRequestHistory implements RequestHistory, RebuildableLookup {

    private final JdbcClient jdbc;

    JdbcRequestHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(DelegationId delegation, String organisation, List<Theme> themes, LocalDate received,
                       Instant registeredAt) {
        // Sent with the registration's event, in its round trip (WritesWithTheEvents).
        WritesWithTheEvents.write(jdbc, """
                        INSERT INTO delegation_request_history
                               (delegation_id, organisation_key, themes, received_on, registered_at)
                        VALUES (?, ?, ?, ?, ?)""",
                delegation.value(), key(organisation), themes.stream().map(Theme::name).toArray(String[]::new),
                received, Timestamp.from(registeredAt.truncatedTo(ChronoUnit.MILLIS)));
    }

    @Override
    public void expanded(DelegationId delegation, List<Theme> themes) {
        WritesWithTheEvents.write(jdbc, """
                        UPDATE delegation_request_history
                        SET themes = ARRAY(SELECT DISTINCT t FROM unnest(themes || CAST(? AS TEXT[])) t ORDER BY t)
                        WHERE delegation_id = ?""",
                themes.stream().map(Theme::name).toArray(String[]::new), delegation.value());
    }

    @Override
    public void corrected(DelegationId delegation, String organisation, List<Theme> themes, LocalDate received) {
        WritesWithTheEvents.write(jdbc, """
                        UPDATE delegation_request_history SET organisation_key = ?, themes = ?, received_on = ?
                        WHERE delegation_id = ?""",
                key(organisation), themes.stream().map(Theme::name).toArray(String[]::new), received,
                delegation.value());
    }

    @Override
    public List<String> tables() {
        return List.of("delegation_request_history");
    }

    @Override
    public Replay replay() {
        jdbc.sql("DELETE FROM delegation_request_history").update();
        return (payload, at) -> {
            if (payload instanceof DelegationRegisteredEvent registered) {
                record(registered.delegationId(), registered.requestingOrganisation(), registered.themes(),
                        registered.dateReceived(), at);
            } else if (payload instanceof RequestCorrectedEvent corrected) {
                corrected(corrected.delegationId(), corrected.requestingOrganisation(), corrected.themes(),
                        corrected.dateReceived());
            } else if (payload instanceof ScopeExpansionApprovedEvent approved) {
                expanded(approved.delegationId(), approved.themes());
            }
        };
    }

    @Override
    public List<DelegationId> repeatedBy(DelegationId delegation) {
        List<String> newestFirst = jdbc.sql("""
                        SELECT earlier.delegation_id FROM delegation_request_history earlier
                        JOIN delegation_request_history this ON this.delegation_id = :id
                        WHERE earlier.organisation_key = this.organisation_key
                          AND earlier.delegation_id <> this.delegation_id
                          AND earlier.themes && this.themes
                          AND (earlier.received_on, earlier.registered_at) <= (this.received_on, this.registered_at)
                          AND earlier.received_on > this.received_on - INTERVAL '24 months'
                        ORDER BY earlier.received_on DESC, earlier.registered_at DESC, earlier.delegation_id DESC
                        LIMIT :named
                        """)
                .param("id", delegation.value()).param("named", MAX_NAMED).query(String.class).list();
        List<DelegationId> oldestFirst = new ArrayList<>(newestFirst.stream().map(DelegationId::new).toList());
        Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    /**
     * The same organisation however it is capitalised or spaced: a no-break or em space counts as a space, and a
     * soft hyphen or zero-width space between letters as nothing (before, only Java's own whitespace did, so {@code Repeat\u00a0Test Org} was not a repeat of
     * {@code repeat test org}). Letters in their compatibility forms count as the plain ones (NFKC): full-width
     * Latin letters, which Chinese input methods type, were another organisation ({@code Ａｃｍｅ} and {@code Acme}).
     * Rows written before keep their keys until the lookups are rebuilt (command migrations V96, V100).
     */
    static String key(String organisation) {
        return dk.greatercph.ope.platform.input.ReadAlike.nameKey(organisation);
    }
}
