package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.query.LeftOut;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static dk.greatercph.ope.platform.time.OpeTime.inCopenhagen;

/**
 * Answers the board's queries from the tables {@link DelegationBoardProjection} keeps: one delegation with
 * everything about it, and the board page by page. The overdue flag of an assignment is computed at the time of
 * the question.
 */
@Component
class DelegationBoardQueries {

    /** The columns a board entry shows, and its position for the cursor. */
    private static final String BOARD_COLUMNS = """
            board_position, delegation_id, status, channel, requesting_organisation, country, origin_province,
            origin_city, delegation_type, political_level, head_count, wished_from, wished_to, date_received, themes,
            purpose, business_opportunity, registered_at, registered_by, lead_operator, supporting_operators,
            repeat_request, imported, version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    DelegationBoardQueries(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @QueryHandler
    Optional<DelegationDetailView> handle(FindDelegationQuery query) {
        return jdbc.sql("""
                        SELECT *, CAST(outcome AS TEXT) AS outcome_document FROM delegation_board
                        WHERE delegation_id = :id
                          AND (CAST(:operator AS TEXT) IS NULL OR CAST(:operator AS TEXT) = ANY (operators))
                        """)
                .param("id", query.delegationId())
                .param("operator", query.visibleToOperator())
                .query((rs, n) -> new Head(view(rs, n), strings(rs.getArray("earlier_requests")),
                        rs.getString("business_opportunity_assessment"), routing(rs), rs.getString("closing_reason"),
                        rs.getString("outcome_document")))
                .optional()
                .map(head -> query.visibleToOperator() == null ? head
                        : head.withEarlierRequests(visible(head.earlierRequests(), query.visibleToOperator())))
                .map(this::detail);
    }

    /**
     * The earlier requests an operator may see: those it is assigned to. The others' ids told an operator of
     * delegations it may not read (each answered it 404), which nothing else shows it.
     */
    private List<String> visible(List<String> earlier, String operator) {
        if (earlier.isEmpty()) {
            return earlier;
        }
        java.util.Set<String> visible = new java.util.HashSet<>(jdbc.sql("""
                        SELECT delegation_id FROM delegation_board
                        WHERE delegation_id = ANY (CAST(:ids AS TEXT[])) AND CAST(:operator AS TEXT) = ANY (operators)
                        """)
                .param("ids", earlier.toArray(String[]::new)).param("operator", operator)
                .query(String.class).list());
        return earlier.stream().filter(visible::contains).toList();
    }

    @QueryHandler
    DelegationPage handle(FindDelegationsQuery query) {
        String text = query.text() == null || query.text().isBlank() ? null
                : "%" + query.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT " + BOARD_COLUMNS + " FROM delegation_board WHERE TRUE");
        condition(sql, params, "before", query.beforePosition(), " AND board_position < :before");
        condition(sql, params, "status", query.status() == null ? null : query.status().name(), " AND status = :status");
        condition(sql, params, "operator", query.operator(), """
                 AND (lead_operator = :operator OR CAST(:operator AS TEXT) = ANY (supporting_operators)
                      OR CAST(:operator AS TEXT) = ANY (operators))""");
        condition(sql, params, "theme", query.theme() == null ? null : query.theme().name(),
                " AND CAST(:theme AS TEXT) = ANY (themes)");
        condition(sql, params, "from", query.from(), " AND wished_to >= :from");
        condition(sql, params, "to", query.to(), " AND wished_from <= :to");
        condition(sql, params, "text", text, " AND (requesting_organisation ILIKE :text OR purpose ILIKE :text)");
        condition(sql, params, "country", query.country(), " AND country = :country");
        condition(sql, params, "types", types(query), " AND delegation_type = ANY (CAST(:types AS TEXT[]))");
        condition(sql, params, "receivedFrom", query.receivedFrom(), " AND date_received >= :receivedFrom");
        condition(sql, params, "receivedTo", query.receivedTo(), " AND date_received <= :receivedTo");
        condition(sql, params, "assignmentState",
                query.assignmentState() == null ? null : query.assignmentState().name(), """
                 AND EXISTS (SELECT 1 FROM delegation_assignment a
                             WHERE a.delegation_id = delegation_board.delegation_id AND a.state = :assignmentState)""");
        sql.append(" ORDER BY board_position DESC LIMIT :limit");
        params.put("limit", query.limit() + 1);
        List<Row> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Row(rs.getLong("board_position"),
                        LeftOut.orNull("board entry", rs.getString("delegation_id"), () -> view(rs, n))))
                .list();
        boolean more = rows.size() > query.limit();
        List<Row> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? BoardCursor.encode(page.get(page.size() - 1).position()) : null;
        return new DelegationPage(page.stream().map(Row::view).filter(Objects::nonNull).toList(), next);
    }

    /**
     * Adds a filter's condition and value only when the filter is set, so that each combination of filters is its
     * own statement whose plan uses the index that fits it, rather than one statement whose generic plan must
     * allow for every filter being absent.
     */
    private static void condition(StringBuilder sql, Map<String, Object> params, String name, Object value,
                                  String condition) {
        if (value != null) {
            sql.append(' ').append(condition.strip());
            params.put(name, value);
        }
    }

    /** The delegation types the type and sector filters allow together; null when neither is set. */
    private static String[] types(FindDelegationsQuery query) {
        if (query.type() == null && query.sector() == null) {
            return null;
        }
        return Arrays.stream(DelegationType.values())
                .filter(t -> query.type() == null || t == query.type())
                .filter(t -> query.sector() == null || t.sector() == query.sector())
                .map(DelegationType::name).toArray(String[]::new);
    }

    /** A delegation in these states will not take place: its programme items are cancelled with it. */
    private static final Set<DelegationStatus> CLOSED_WITHOUT_VISIT =
            EnumSet.of(DelegationStatus.DECLINED, DelegationStatus.CANCELLED, DelegationStatus.WITHDRAWN);

    private DelegationDetailView detail(Head head) {
        String id = head.view().id();
        Instant now = clock.instant();
        List<DelegationDetailView.ProgrammeItem> programme = jdbc.sql("""
                        SELECT i.*, v.name AS venue_name, v.capacity AS venue_capacity, p.name AS host_name
                        FROM delegation_programme_item i
                        LEFT JOIN venue_name v ON v.venue_id = i.venue_id
                        LEFT JOIN partner_name p ON p.partner_id = i.host_id
                        WHERE i.delegation_id = :id ORDER BY i.starts_at, i.item_id
                        """)
                .param("id", id).query((rs, n) -> programmeItem(rs)).list();
        if (CLOSED_WITHOUT_VISIT.contains(head.view().status())) {
            // the schedule and the feed said CANCELLED, the delegation's own view CONFIRMED or TENTATIVE
            programme = programme.stream().map(DelegationDetailView.ProgrammeItem::cancelled).toList();
        }
        List<DelegationDetailView.Assignment> assignments = jdbc.sql("""
                        SELECT a.*, o.name AS operator_name FROM delegation_assignment a
                        LEFT JOIN operator_view o ON o.operator_id = a.operator_id
                        WHERE a.delegation_id = :id
                        ORDER BY CASE a.role WHEN 'LEAD' THEN 0 ELSE 1 END, a.operator_id
                        """)
                .param("id", id).query((rs, n) -> assignment(rs, now)).list();
        List<DelegationDetailView.ScopeRequest> scope = jdbc.sql("""
                        SELECT * FROM delegation_scope_request WHERE delegation_id = :id ORDER BY request_id
                        """)
                .param("id", id).query((rs, n) -> new DelegationDetailView.ScopeRequest(rs.getString("request_id"),
                        themes(rs.getArray("themes")), rs.getString("reason"), rs.getString("state"),
                        rs.getString("decision_reason"))).list();
        List<DelegationDetailView.Refusal> refusals = jdbc.sql("""
                        SELECT * FROM delegation_refusal WHERE delegation_id = :id ORDER BY version
                        """)
                .param("id", id).query((rs, n) -> new DelegationDetailView.Refusal(rs.getString("kind"),
                        rs.getString("code"), rs.getString("reason"), strings(rs.getArray("item_ids")),
                        rs.getObject("refused_at", OffsetDateTime.class).toInstant())).list();
        // the KPI projection keeps the supporting operators' reports (their figures are its); only a completed
        // delegation has any
        List<DelegationDetailView.SupportingOutcome> supporting = head.view().status() != DelegationStatus.COMPLETED
                ? List.of() : jdbc.sql("""
                        SELECT s.*, o.name AS operator_name FROM kpi_supporting_outcome s
                        LEFT JOIN operator_view o ON o.operator_id = s.operator_id
                        WHERE s.delegation_id = :id ORDER BY s.operator_id
                        """)
                .param("id", id).query((rs, n) -> new DelegationDetailView.SupportingOutcome(
                        rs.getString("operator_id"), rs.getString("operator_name"), rs.getString("summary"),
                        rs.getInt("investment_leads"), strings(rs.getArray("companies")), strings(rs.getArray("mous")),
                        integer(rs, "companies_established"), integer(rs, "jobs_created"), integer(rs, "tourists"),
                        integer(rs, "overnight_stays"),
                        rs.getObject("reported_at", OffsetDateTime.class).toInstant())).list();
        return new DelegationDetailView(head.view(), head.earlierRequests(), head.assessment(), head.routing(),
                head.closingReason(), programme, assignments, scope, refusals,
                head.outcome() == null ? null : json.readValue(head.outcome(), DelegationDetailView.Outcome.class),
                supporting);
    }

    private record Head(DelegationView view, List<String> earlierRequests, String assessment,
                        DelegationDetailView.Routing routing, String closingReason, String outcome) {

        Head withEarlierRequests(List<String> earlier) {
            return new Head(view, earlier, assessment, routing, closingReason, outcome);
        }
    }

    private record Row(long position, DelegationView view) {
    }

    private static DelegationDetailView.Routing routing(ResultSet rs) throws SQLException {
        long version = rs.getLong("routing_version");
        return rs.wasNull() ? null
                : new DelegationDetailView.Routing(version, rs.getBoolean("routing_override"), rs.getString("routing_reason"));
    }

    private static DelegationDetailView.ProgrammeItem programmeItem(ResultSet rs) throws SQLException {
        String venue = rs.getString("venue_id");
        String host = rs.getString("host_id");
        String payer = rs.getString("payer");
        return new DelegationDetailView.ProgrammeItem(rs.getString("item_id"),
                ProgrammeItemKind.valueOf(rs.getString("kind")), rs.getString("title"),
                local(rs, "starts_at"), local(rs, "ends_at"),
                venue == null ? null : new DelegationDetailView.Named(venue, rs.getString("venue_name")),
                host == null ? null : new DelegationDetailView.Named(host, rs.getString("host_name")),
                rs.getBoolean("host_is_hospital"), rs.getString("planned_by"),
                payer == null ? null : new DelegationDetailView.CostCoverage(payer, rs.getString("basis"),
                        rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getBoolean("confirmed") ? "CONFIRMED" : "TENTATIVE", rs.getBoolean("venue_is_hospital"),
                rs.getBoolean("host_is_hospital") || rs.getBoolean("venue_is_hospital")
                        || "HOSPITAL_VISIT".equals(rs.getString("kind")), integer(rs, "venue_capacity"));
    }

    private static DelegationDetailView.Assignment assignment(ResultSet rs, Instant now) throws SQLException {
        String state = rs.getString("state");
        OffsetDateTime due = local(rs, "due_at");
        boolean open = state.equals("OFFERED") || state.equals("ESCALATED");
        return new DelegationDetailView.Assignment(rs.getString("operator_id"),
                AssignmentRole.valueOf(rs.getString("role")), state, local(rs, "offered_at"), due,
                local(rs, "answered_at"), rs.getString("reason"), open && due.toInstant().isBefore(now),
                rs.getString("operator_name"));
    }

    private static OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        return inCopenhagen(rs.getObject(column, OffsetDateTime.class));
    }

    private static DelegationView view(ResultSet rs, int rowNum) throws SQLException {
        DelegationType type = DelegationType.valueOf(rs.getString("delegation_type"));
        return new DelegationView(
                rs.getString("delegation_id"),
                DelegationStatus.valueOf(rs.getString("status")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("requesting_organisation"),
                rs.getString("country"),
                rs.getString("origin_province"),
                rs.getString("origin_city"),
                type,
                type.sector(),
                PoliticalLevel.valueOf(rs.getString("political_level")),
                rs.getInt("head_count"),
                rs.getObject("wished_from", LocalDate.class),
                rs.getObject("wished_to", LocalDate.class),
                rs.getObject("date_received", LocalDate.class),
                themes(rs.getArray("themes")),
                rs.getString("purpose"),
                rs.getString("business_opportunity"),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
                rs.getString("registered_by"),
                rs.getString("lead_operator"),
                strings(rs.getArray("supporting_operators")),
                rs.getBoolean("repeat_request"),
                rs.getBoolean("imported"),
                rs.getLong("version"));
    }

    private static List<Theme> themes(Array array) throws SQLException {
        return strings(array).stream().map(Theme::valueOf).toList();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
