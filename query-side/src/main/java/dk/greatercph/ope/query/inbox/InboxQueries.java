package dk.greatercph.ope.query.inbox;

import dk.greatercph.ope.events.delegation.AssignmentRole;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers inbox queries from the assignments the delegation-board projection keeps, with the overdue flag computed
 * at the time of the question.
 */
@Component
class InboxQueries {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private static final String SELECT = """
            SELECT a.*, b.requesting_organisation, b.wished_from, b.wished_to
            FROM delegation_assignment a LEFT JOIN delegation_board b ON b.delegation_id = a.delegation_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    InboxQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<InboxView> handle(FindInboxQuery query) {
        boolean known = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM operator_view WHERE operator_id = :operator)
                            OR EXISTS (SELECT 1 FROM delegation_assignment WHERE operator_id = :operator)
                        """)
                .param("operator", query.operatorId()).query(Boolean.class).single();
        if (!known) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<InboxEntryView> entries = jdbc.sql(SELECT + """
                        WHERE a.operator_id = :operator AND (CAST(:state AS TEXT) IS NULL OR a.state = :state)
                        ORDER BY CASE a.state WHEN 'OFFERED' THEN 0 WHEN 'ESCALATED' THEN 1 WHEN 'ACCEPTED' THEN 2
                            ELSE 3 END, a.due_at, a.delegation_id
                        """)
                .param("operator", query.operatorId())
                .param("state", query.state() == null ? null : query.state().name())
                .query((rs, n) -> entry(rs, now)).list();
        Map<AssignmentState, Long> counts = new EnumMap<>(AssignmentState.class);
        for (AssignmentState state : AssignmentState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("SELECT state, count(*) AS n FROM delegation_assignment WHERE operator_id = :operator GROUP BY state")
                .param("operator", query.operatorId())
                .query(rs -> {
                    counts.put(AssignmentState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return Optional.of(new InboxView(query.operatorId(), counts, entries));
    }

    @QueryHandler
    InboxView handle(WatchInboxQuery query) {
        return handle(new FindInboxQuery(query.operatorId(), null))
                .orElseGet(() -> new InboxView(query.operatorId(), Map.of(), List.of()));
    }

    @QueryHandler
    List<InboxEntryView> handle(FindInboxChangesQuery query) {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " WHERE a.operator_id = :operator AND a.position > :after ORDER BY a.position")
                .param("operator", query.operatorId()).param("after", query.after())
                .query((rs, n) -> entry(rs, now)).list();
    }

    private static InboxEntryView entry(ResultSet rs, Instant now) throws SQLException {
        AssignmentState state = AssignmentState.valueOf(rs.getString("state"));
        OffsetDateTime due = local(rs, "due_at");
        return new InboxEntryView(rs.getString("delegation_id"), rs.getString("operator_id"),
                rs.getString("requesting_organisation"), rs.getObject("wished_from", LocalDate.class),
                rs.getObject("wished_to", LocalDate.class), AssignmentRole.valueOf(rs.getString("role")), state,
                local(rs, "offered_at"), due, local(rs, "answered_at"), rs.getString("reason"),
                overdue(state, due, now), rs.getLong("position"));
    }

    static boolean overdue(AssignmentState state, OffsetDateTime due, Instant now) {
        return (state == AssignmentState.OFFERED || state == AssignmentState.ESCALATED)
                && due != null && due.toInstant().isBefore(now);
    }

    private static OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(COPENHAGEN).toOffsetDateTime();
    }
}
