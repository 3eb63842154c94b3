package dk.greatercph.ope.query.inbox;

import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.query.delegation.DelegationStatus;
import dk.greatercph.ope.events.delegation.Theme;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dk.greatercph.ope.platform.time.OpeTime.inCopenhagen;
import static dk.greatercph.ope.platform.time.OpeTime.utc;

/**
 * Answers inbox queries with the overdue flag computed at the time of the question. The inbox keeps no table of
 * its own: it reads the assignments the delegation-board projection owns through the {@code inbox_assignment}
 * view (migration V80), and the operator directory's {@code operator_view} to know an operator exists.
 */
@Component
class InboxQueries {

    private final JdbcClient jdbc;
    private final Clock clock;

    InboxQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    Optional<InboxView> handle(FindInboxQuery query) {
        boolean known = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM operator_view WHERE operator_id = :operator)
                            OR EXISTS (SELECT 1 FROM inbox_assignment WHERE operator_id = :operator)
                        """)
                .param("operator", query.operatorId()).query(Boolean.class).single();
        if (!known) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int wanted = query.limit() == null ? FindInboxQuery.MOST_UNPAGED : query.limit();
        FindInboxQuery.Position after = query.after();
        // the group (0 escalated, 1 offered, 2 answered), then due time for open ones, latest change for the others:
        // an escalated offer, overdue and waited on by the desk (R5), stood below offers not yet due
        String ordered = """
                SELECT * FROM (
                    SELECT *, CASE state WHEN 'ESCALATED' THEN 0 WHEN 'OFFERED' THEN 1 ELSE 2 END AS entry_group
                    FROM inbox_assignment
                    WHERE operator_id = :operator AND (CAST(:state AS TEXT) IS NULL OR state = :state)) e
                """;
        if (after != null) {
            ordered += """
                    WHERE e.entry_group > :group OR (e.entry_group = :group AND CASE WHEN e.entry_group < 2
                        THEN (COALESCE(e.due_at, 'infinity'), e.delegation_id)
                            > (COALESCE(CAST(:due AS TIMESTAMPTZ), 'infinity'), CAST(:delegation AS TEXT))
                        ELSE (-COALESCE(e.position, 0), e.delegation_id) > (-CAST(:position AS BIGINT),
                            CAST(:delegation AS TEXT)) END)
                    """;
        }
        List<InboxEntryView> entries = jdbc.sql(ordered + """
                        ORDER BY e.entry_group, CASE WHEN e.entry_group < 2 THEN COALESCE(e.due_at, 'infinity') END,
                            CASE WHEN e.entry_group = 2 THEN -COALESCE(e.position, 0) END, e.delegation_id
                        LIMIT :limit
                        """)
                .param("operator", query.operatorId())
                .param("state", query.state() == null ? null : query.state().name())
                .param("group", after == null ? null : Integer.valueOf(after.group()))
                .param("due", after == null || after.due() == null ? null : utc(after.due()))
                .param("position", after == null ? null : Long.valueOf(after.position()))
                .param("delegation", after == null ? null : after.delegationId())
                .param("limit", wanted + 1)
                .query((rs, n) -> entry(rs, now)).list();
        String next = null;
        if (entries.size() > wanted) {
            entries = entries.subList(0, wanted);
            InboxEntryView last = entries.get(wanted - 1);
            int group = switch (last.state()) {
                case ESCALATED -> 0;
                case OFFERED -> 1;
                default -> 2;
            };
            next = InboxCursor.encode(new FindInboxQuery.Position(group,
                    last.dueAt() == null ? null : last.dueAt().toInstant(), last.position(), last.delegationId()));
        }
        Map<AssignmentState, Long> counts = new EnumMap<>(AssignmentState.class);
        for (AssignmentState state : AssignmentState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("SELECT state, count(*) AS n FROM inbox_assignment WHERE operator_id = :operator GROUP BY state")
                .param("operator", query.operatorId())
                .query(rs -> {
                    counts.put(AssignmentState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return Optional.of(new InboxView(query.operatorId(), counts, entries, next));
    }

    @QueryHandler
    InboxView handle(WatchInboxQuery query) {
        return handle(new FindInboxQuery(query.operatorId(), null))
                .orElseGet(() -> new InboxView(query.operatorId(), Map.of(), List.of(), null));
    }

    @QueryHandler
    List<InboxEntryView> handle(FindInboxChangesQuery query) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT * FROM inbox_assignment WHERE operator_id = :operator AND position > :after
                        ORDER BY position LIMIT :limit
                        """)
                .param("operator", query.operatorId()).param("after", query.after())
                .param("limit", FindInboxQuery.MOST_UNPAGED + 1)
                .query((rs, n) -> entry(rs, now)).list();
    }

    private static InboxEntryView entry(ResultSet rs, Instant now) throws SQLException {
        AssignmentState state = AssignmentState.valueOf(rs.getString("state"));
        OffsetDateTime due = local(rs, "due_at");
        return new InboxEntryView(rs.getString("delegation_id"), rs.getString("operator_id"),
                rs.getString("requesting_organisation"), rs.getObject("wished_from", LocalDate.class),
                rs.getObject("wished_to", LocalDate.class), AssignmentRole.valueOf(rs.getString("role")), state,
                local(rs, "offered_at"), due, local(rs, "answered_at"), rs.getString("reason"),
                overdue(state, due, now), rs.getLong("position"),
                rs.getString("delegation_status") == null ? null : DelegationStatus.valueOf(rs.getString("delegation_status")),
                themes(rs.getArray("themes")), headCount(rs), rs.getObject("repeat_request", Boolean.class));
    }

    private static java.util.List<Theme> themes(java.sql.Array array)
            throws SQLException {
        if (array == null) {
            return null;
        }
        return java.util.Arrays.stream((Object[]) array.getArray()).map(String::valueOf)
                .map(Theme::valueOf).toList();
    }

    private static Integer headCount(ResultSet rs) throws SQLException {
        int count = rs.getInt("head_count");
        return rs.wasNull() ? null : count;
    }

    static boolean overdue(AssignmentState state, OffsetDateTime due, Instant now) {
        return (state == AssignmentState.OFFERED || state == AssignmentState.ESCALATED)
                && due != null && due.toInstant().isBefore(now);
    }

    private static OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        return inCopenhagen(rs.getObject(column, OffsetDateTime.class));
    }
}
