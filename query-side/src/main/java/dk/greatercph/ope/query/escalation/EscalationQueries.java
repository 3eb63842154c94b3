package dk.greatercph.ope.query.escalation;

import dk.greatercph.ope.events.delegation.AssignmentRole;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static dk.greatercph.ope.platform.time.OpeTime.inCopenhagen;
import static dk.greatercph.ope.platform.time.OpeTime.utc;

/**
 * Answers the escalation list from the {@code desk_escalation} view: escalated assignments and offered ones past
 * their due time at the moment of the question, on delegations still open (not completed, declined, cancelled or
 * withdrawn), most overdue (earliest due) first.
 */
@Component
class EscalationQueries {

    private final JdbcClient jdbc;
    private final Clock clock;

    EscalationQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    EscalationPage handle(FindEscalationsQuery query) {
        Instant now = clock.instant();
        EscalationCursor.Position after = query.after();
        record Row(EscalationCursor.Position position, EscalationView view) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT * FROM desk_escalation
                        WHERE (state = 'ESCALATED' OR due_at < :now)
                          AND delegation_status NOT IN ('COMPLETED', 'DECLINED', 'CANCELLED', 'WITHDRAWN')
                          AND (CAST(:afterDue AS TIMESTAMPTZ) IS NULL
                               OR (due_at, delegation_id, operator_id) > (:afterDue, :afterDelegation, :afterOperator))
                        ORDER BY due_at, delegation_id, operator_id
                        LIMIT :limit
                        """)
                .param("now", utc(now))
                .param("afterDue", after == null ? null : utc(after.dueAt()))
                .param("afterDelegation", after == null ? null : after.delegationId())
                .param("afterOperator", after == null ? null : after.operatorId())
                .param("limit", query.limit() + 1)
                .query((rs, n) -> new Row(new EscalationCursor.Position(
                        rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getString("delegation_id"),
                        rs.getString("operator_id")), view(rs, now)))
                .list();
        boolean more = rows.size() > query.limit();
        List<Row> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? EscalationCursor.encode(page.get(page.size() - 1).position()) : null;
        return new EscalationPage(page.stream().map(Row::view).toList(), next);
    }

    private static EscalationView view(ResultSet rs, Instant now) throws SQLException {
        String delegation = rs.getString("delegation_id");
        String operator = rs.getString("operator_id");
        AssignmentRole role = AssignmentRole.valueOf(rs.getString("role"));
        String state = rs.getString("state");
        OffsetDateTime due = inCopenhagen(rs.getObject("due_at", OffsetDateTime.class));
        Duration overdue = Duration.between(due.toInstant(), now);
        if (overdue.isNegative()) {
            overdue = Duration.ZERO;
        }
        return new EscalationView(
                new EscalationView.Delegation(delegation, rs.getString("requesting_organisation"),
                        rs.getObject("wished_from", LocalDate.class), rs.getObject("wished_to", LocalDate.class)),
                operator, role, state, inCopenhagen(rs.getObject("offered_at", OffsetDateTime.class)), due,
                inCopenhagen(rs.getObject("escalated_at", OffsetDateTime.class)),
                overdue.withNanos(0).toString(), overdue.toMinutes(),
                nextStep(delegation, operator, role, state, rs.getString("delegation_status")));
    }

    /**
     * The desk's next step for one case; the path is the command that carries it out. Routing is open only while
     * the lead has not accepted (SCREENED, ROUTED): later, a silent supporting operator is let go by recording its
     * decline.
     */
    static EscalationView.NextStep nextStep(String delegation, String operator, AssignmentRole role, String state,
                                            String delegationStatus) {
        String routing = "/api/delegations/" + delegation + "/routing";
        String assignment = "/api/delegations/" + delegation + "/assignments/" + operator;
        if (state.equals("OFFERED")) {
            return new EscalationView.NextStep("Remind the operator to accept or decline; the deadline escalates "
                    + "the offer shortly", "POST", assignment + "/acceptance");
        }
        if (role == AssignmentRole.LEAD) {
            return new EscalationView.NextStep("Re-route with an override to another lead, or call the operator",
                    "POST", routing);
        }
        return "ROUTED".equals(delegationStatus)
                ? new EscalationView.NextStep("Call the operator, or re-route with an override without it",
                "POST", routing)
                : new EscalationView.NextStep("Call the operator; if it will not take part, record its decline with "
                + "the reason, and the lead goes on without it", "POST", assignment + "/decline");
    }
}
