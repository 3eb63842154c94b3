package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.ConfirmationRefusedEvent;
import dk.greatercph.ope.events.delegation.CostCoverageRecordedEvent;
import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationConfirmedEvent;
import dk.greatercph.ope.events.delegation.DelegationDeclinedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationMemberAddedEvent;
import dk.greatercph.ope.events.delegation.DelegationMemberRemovedEvent;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationRoutedEvent;
import dk.greatercph.ope.events.delegation.DelegationScreenedEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.ProgrammeItemRemovedEvent;
import dk.greatercph.ope.events.delegation.RoutingRefusedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionApprovedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRejectedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRequestedEvent;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.query.LeftOut;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Projects the delegation lifecycle into the desk's board and the tables behind one delegation's full view, and
 * answers queries about them. Every handler first advances the board row's version, guarded by the event's
 * sequence number: an event seen before changes nothing, so a replay gives the same tables.
 */
@Component
@ProcessingGroup(DelegationBoardProjection.NAME)
class DelegationBoardProjection {

    static final String NAME = "delegation-board";

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    /** Assignment states in which an operator sees the delegation (object-level reads). */
    private static final String VISIBLE_STATES = "('OFFERED', 'ACCEPTED', 'ESCALATED')";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    DelegationBoardProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    @EventHandler
    void on(DelegationRegisteredEvent event, @Timestamp Instant at, @SequenceNumber long version,
            TrackingToken token, MetaData metaData) {
        jdbc.sql("""
                        INSERT INTO delegation_board (delegation_id, board_position, status, channel,
                            requesting_organisation, origin_province, origin_city, delegation_type, political_level,
                            head_count, wished_from, wished_to, themes, purpose, business_opportunity,
                            registered_at, registered_by, version, updated_at)
                        VALUES (:id, :position, 'REQUESTED', :channel, :organisation, :province, :city, :type,
                            :level, :headCount, :wishedFrom, :wishedTo, :themes, :purpose, :opportunity, :at,
                            :actor, :version, :at)
                        ON CONFLICT (delegation_id) DO NOTHING
                        """)
                .param("id", event.delegationId().value())
                .param("position", token.position().orElseThrow())
                .param("channel", event.channel().name())
                .param("organisation", event.requestingOrganisation())
                .param("province", event.originProvince())
                .param("city", event.originCity())
                .param("type", event.delegationType().name())
                .param("level", event.politicalLevel().name())
                .param("headCount", event.headCount())
                .param("wishedFrom", event.wishedFrom())
                .param("wishedTo", event.wishedTo())
                .param("themes", themes(event.themes()))
                .param("purpose", event.purpose())
                .param("opportunity", event.businessOpportunity())
                .param("at", utc(at))
                .param("actor", (String) metaData.get("actor"))
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(DelegationScreenedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        advance(event.delegationId(), version, at, """
                        status = 'SCREENED', repeat_request = :repeat, earlier_requests = :earlier,
                        business_opportunity_assessment = :assessment""",
                Map.of("repeat", event.repeatRequest(),
                        "earlier", event.earlierRequests().stream().map(DelegationId::value).toArray(String[]::new)),
                "assessment", event.businessOpportunityAssessment());
    }

    @EventHandler
    void on(DelegationRoutedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        advance(event.delegationId(), version, at, """
                        status = 'ROUTED', lead_operator = :lead, supporting_operators = :supporting,
                        routing_version = :routing, routing_override = :override, routing_reason = :reason""",
                Map.of("lead", event.lead().value(),
                        "supporting", event.supporting().stream().map(OperatorId::value).toArray(String[]::new),
                        "routing", event.routingVersion(), "override", event.override()),
                "reason", event.reason());
    }

    @EventHandler
    void on(RoutingRefusedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at, "", Map.of())) {
            refusal(event.delegationId(), version, "ROUTING", event.code(), event.reason(), List.of(), at);
        }
    }

    @EventHandler
    void on(AssignmentOfferedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        if (advance(event.delegationId(), version, at, "", Map.of())) {
            jdbc.sql("""
                            INSERT INTO delegation_assignment (delegation_id, operator_id, role, state, offered_at,
                                due_at, position)
                            VALUES (:id, :operator, :role, 'OFFERED', :at, :due, :position)
                            ON CONFLICT (delegation_id, operator_id) DO UPDATE SET role = EXCLUDED.role,
                                state = 'OFFERED', offered_at = EXCLUDED.offered_at, due_at = EXCLUDED.due_at,
                                answered_at = NULL, reason = NULL, returned_to_desk = FALSE,
                                position = EXCLUDED.position
                            """)
                    .param("id", event.delegationId().value()).param("operator", event.operatorId().value())
                    .param("role", event.role().name()).param("at", utc(at)).param("due", utc(event.dueAt()))
                    .param("position", token.position().orElseThrow()).update();
            refreshVisibility(event.delegationId());
        }
    }

    @EventHandler
    void on(AssignmentAcceptedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        String status = event.role() == AssignmentRole.LEAD
                ? "status = CASE WHEN status = 'ROUTED' THEN 'ACCEPTED' ELSE status END" : "";
        if (advance(event.delegationId(), version, at, status, Map.of())) {
            assignment(event.delegationId(), event.operatorId(), "ACCEPTED", at, null, false, token);
        }
    }

    @EventHandler
    void on(AssignmentDeclinedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        String status = event.role() == AssignmentRole.LEAD && event.returnedToDesk()
                ? "status = 'SCREENED', lead_operator = NULL, supporting_operators = '{}'" : "";
        if (advance(event.delegationId(), version, at, status, Map.of())) {
            assignment(event.delegationId(), event.operatorId(), "DECLINED", at, event.reason(),
                    event.returnedToDesk(), token);
        }
    }

    @EventHandler
    void on(AssignmentEscalatedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        if (advance(event.delegationId(), version, at, "", Map.of())) {
            jdbc.sql("""
                            UPDATE delegation_assignment SET state = 'ESCALATED', position = :position
                            WHERE delegation_id = :id AND operator_id = :operator
                            """)
                    .param("id", event.delegationId().value()).param("operator", event.operatorId().value())
                    .param("position", token.position().orElseThrow()).update();
            refreshVisibility(event.delegationId());
        }
    }

    @EventHandler
    void on(AssignmentWithdrawnEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        if (advance(event.delegationId(), version, at, "", Map.of())) {
            jdbc.sql("""
                            UPDATE delegation_assignment SET state = 'WITHDRAWN', answered_at = :at, position = :position
                            WHERE delegation_id = :id AND operator_id = :operator
                            """)
                    .param("id", event.delegationId().value()).param("operator", event.operatorId().value())
                    .param("at", utc(at)).param("position", token.position().orElseThrow()).update();
            refreshVisibility(event.delegationId());
        }
    }

    @EventHandler
    void on(ScopeExpansionRequestedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at, "", Map.of())) {
            jdbc.sql("""
                            INSERT INTO delegation_scope_request (delegation_id, request_id, themes, reason, state)
                            VALUES (:id, :request, :themes, :reason, 'REQUESTED')
                            ON CONFLICT (delegation_id, request_id) DO UPDATE SET themes = EXCLUDED.themes,
                                reason = EXCLUDED.reason, state = 'REQUESTED', decision_reason = NULL
                            """)
                    .param("id", event.delegationId().value()).param("request", event.requestId())
                    .param("themes", themes(event.themes())).param("reason", event.reason()).update();
        }
    }

    @EventHandler
    void on(ScopeExpansionApprovedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        boolean fresh = advance(event.delegationId(), version, at, """
                        themes = ARRAY(SELECT t FROM unnest(themes || CAST(:added AS TEXT[])) WITH ORDINALITY AS u(t, n)
                            GROUP BY t ORDER BY min(n))""",
                Map.of("added", themes(event.themes())));
        if (fresh) {
            scopeDecision(event.delegationId(), event.requestId(), "APPROVED", null);
        }
    }

    @EventHandler
    void on(ScopeExpansionRejectedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at, "", Map.of())) {
            scopeDecision(event.delegationId(), event.requestId(), "REJECTED", event.reason());
        }
    }

    @EventHandler
    void on(ProgrammeItemAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at,
                "status = CASE WHEN status = 'ACCEPTED' THEN 'PROGRAMME_PLANNED' ELSE status END", Map.of())) {
            jdbc.sql("""
                            INSERT INTO delegation_programme_item (delegation_id, item_id, kind, title, starts_at,
                                ends_at, venue_id, host_id, host_is_hospital, planned_by)
                            VALUES (:id, :item, :kind, :title, :starts, :ends, :venue, :host, :hospital, :plannedBy)
                            ON CONFLICT (delegation_id, item_id) DO NOTHING
                            """)
                    .param("id", event.delegationId().value()).param("item", event.itemId())
                    .param("kind", event.kind().name()).param("title", event.title())
                    .param("starts", utc(event.startsAt())).param("ends", utc(event.endsAt()))
                    .param("venue", event.venueId() == null ? null : event.venueId().value())
                    .param("host", event.hostId() == null ? null : event.hostId().value())
                    .param("hospital", event.hostIsHospital())
                    .param("plannedBy", event.plannedBy() == null ? null : event.plannedBy().value())
                    .update();
        }
    }

    @EventHandler
    void on(ProgrammeItemChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at, "", Map.of())) {
            jdbc.sql("""
                            UPDATE delegation_programme_item SET kind = :kind, title = :title, starts_at = :starts,
                                ends_at = :ends, venue_id = :venue, host_id = :host, host_is_hospital = :hospital,
                                confirmed = FALSE
                            WHERE delegation_id = :id AND item_id = :item
                            """)
                    .param("id", event.delegationId().value()).param("item", event.itemId())
                    .param("kind", event.kind().name()).param("title", event.title())
                    .param("starts", utc(event.startsAt())).param("ends", utc(event.endsAt()))
                    .param("venue", event.venueId() == null ? null : event.venueId().value())
                    .param("host", event.hostId() == null ? null : event.hostId().value())
                    .param("hospital", event.hostIsHospital()).update();
        }
    }

    @EventHandler
    void on(ProgrammeItemRemovedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at, "", Map.of())) {
            jdbc.sql("DELETE FROM delegation_programme_item WHERE delegation_id = :id AND item_id = :item")
                    .param("id", event.delegationId().value()).param("item", event.itemId()).update();
            // as the aggregate does: a planned programme whose last item is gone is accepted again
            jdbc.sql("""
                            UPDATE delegation_board SET status = 'ACCEPTED'
                            WHERE delegation_id = :id AND status = 'PROGRAMME_PLANNED' AND NOT EXISTS (
                                SELECT 1 FROM delegation_programme_item WHERE delegation_id = :id)
                            """)
                    .param("id", event.delegationId().value()).update();
        }
    }

    @EventHandler
    void on(DelegationMemberAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        advance(event.delegationId(), version, at, "", Map.of());
    }

    @EventHandler
    void on(DelegationMemberRemovedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        advance(event.delegationId(), version, at, "", Map.of());
    }

    @EventHandler
    void on(CostCoverageRecordedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at, "", Map.of())) {
            jdbc.sql("""
                            UPDATE delegation_programme_item SET payer = :payer, basis = :basis, amount = :amount,
                                currency = :currency
                            WHERE delegation_id = :id AND item_id = :item
                            """)
                    .param("id", event.delegationId().value()).param("item", event.itemId())
                    .param("payer", event.payer()).param("basis", event.basis()).param("amount", event.amount())
                    .param("currency", event.currency()).update();
        }
    }

    @EventHandler
    void on(DelegationConfirmedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at, "status = 'CONFIRMED'", Map.of())) {
            jdbc.sql("UPDATE delegation_programme_item SET confirmed = TRUE WHERE delegation_id = :id")
                    .param("id", event.delegationId().value()).update();
        }
    }

    @EventHandler
    void on(ConfirmationRefusedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at, "", Map.of())) {
            refusal(event.delegationId(), version, "CONFIRMATION", event.code(), event.reason(),
                    event.itemIds() == null ? List.of() : event.itemIds(), at);
        }
    }

    @EventHandler
    void on(DelegationCompletedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        var outcome = event.outcome();
        String document = outcome == null ? null : json.writeValueAsString(new DelegationDetailView.Outcome(
                outcome.summary(), outcome.investmentLeads(), outcome.companies(), outcome.mous(),
                outcome.followUps().stream().map(f -> new DelegationDetailView.FollowUp(
                        f.operatorId() == null ? null : f.operatorId().value(), f.action())).toList(),
                outcome.companiesEstablished(), outcome.jobsCreated(), outcome.tourists(), outcome.overnightStays()));
        advance(event.delegationId(), version, at, "status = 'COMPLETED', outcome = CAST(:outcome AS jsonb)",
                Map.of(), "outcome", document);
    }

    @EventHandler
    void on(DelegationDeclinedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        advance(event.delegationId(), version, at, "status = 'DECLINED', closing_reason = :reason", Map.of(),
                "reason", event.reason());
    }

    @EventHandler
    void on(DelegationCancelledEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        advance(event.delegationId(), version, at, "status = 'CANCELLED', closing_reason = :reason", Map.of(),
                "reason", event.reason());
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("delegation_refusal", "delegation_scope_request", "delegation_programme_item",
                "delegation_assignment", "delegation_board")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
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
                .map(this::detail);
    }

    @QueryHandler
    DelegationPage handle(FindDelegationsQuery query) {
        String text = query.text() == null || query.text().isBlank() ? null
                : "%" + query.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Row> rows = jdbc.sql("""
                        SELECT * FROM delegation_board
                        WHERE (CAST(:before AS BIGINT) IS NULL OR board_position < :before)
                          AND (CAST(:status AS TEXT) IS NULL OR status = :status)
                          AND (CAST(:operator AS TEXT) IS NULL OR lead_operator = :operator
                               OR CAST(:operator AS TEXT) = ANY (supporting_operators)
                               OR CAST(:operator AS TEXT) = ANY (operators))
                          AND (CAST(:theme AS TEXT) IS NULL OR CAST(:theme AS TEXT) = ANY (themes))
                          AND (CAST(:from AS DATE) IS NULL OR wished_to >= :from)
                          AND (CAST(:to AS DATE) IS NULL OR wished_from <= :to)
                          AND (CAST(:text AS TEXT) IS NULL OR requesting_organisation ILIKE :text
                               OR purpose ILIKE :text)
                        ORDER BY board_position DESC
                        LIMIT :limit
                        """)
                .param("before", query.beforePosition())
                .param("status", query.status() == null ? null : query.status().name())
                .param("operator", query.operator())
                .param("theme", query.theme() == null ? null : query.theme().name())
                .param("from", query.from())
                .param("to", query.to())
                .param("text", text)
                .param("limit", query.limit() + 1)
                .query((rs, n) -> new Row(rs.getLong("board_position"),
                        LeftOut.orNull("board entry", rs.getString("delegation_id"), () -> view(rs, n))))
                .list();
        boolean more = rows.size() > query.limit();
        List<Row> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? BoardCursor.encode(page.get(page.size() - 1).position()) : null;
        return new DelegationPage(page.stream().map(Row::view).filter(Objects::nonNull).toList(), next);
    }

    private DelegationDetailView detail(Head head) {
        String id = head.view().id();
        Instant now = clock.instant();
        List<DelegationDetailView.ProgrammeItem> programme = jdbc.sql("""
                        SELECT i.*, v.name AS venue_name, p.name AS host_name
                        FROM delegation_programme_item i
                        LEFT JOIN venue_name v ON v.venue_id = i.venue_id
                        LEFT JOIN partner_name p ON p.partner_id = i.host_id
                        WHERE i.delegation_id = :id ORDER BY i.starts_at, i.item_id
                        """)
                .param("id", id).query((rs, n) -> programmeItem(rs)).list();
        List<DelegationDetailView.Assignment> assignments = jdbc.sql("""
                        SELECT * FROM delegation_assignment WHERE delegation_id = :id
                        ORDER BY CASE role WHEN 'LEAD' THEN 0 ELSE 1 END, operator_id
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
        return DelegationDetailView.of(head.view(), head.earlierRequests(), head.assessment(), head.routing(),
                head.closingReason(), programme, assignments, scope, refusals,
                head.outcome() == null ? null : json.readValue(head.outcome(), DelegationDetailView.Outcome.class));
    }

    private static DelegationDetailView.Routing routing(ResultSet rs) throws SQLException {
        long version = rs.getLong("routing_version");
        return rs.wasNull() ? null
                : new DelegationDetailView.Routing(version, rs.getBoolean("routing_override"), rs.getString("routing_reason"));
    }

    private record Head(DelegationView view, List<String> earlierRequests, String assessment,
                        DelegationDetailView.Routing routing, String closingReason, String outcome) {
    }

    /**
     * Moves the board row to {@code version}, setting {@code set} as well, unless it is there already. Only when
     * it moved does the caller change the child tables, which keeps every handler idempotent.
     */
    private boolean advance(DelegationId id, long version, Instant at, String set, Map<String, ?> params) {
        return advance(id, version, at, set, params, null, null);
    }

    private boolean advance(DelegationId id, long version, Instant at, String set, Map<String, ?> params,
                            String nullableName, Object nullableValue) {
        Map<String, Object> all = new HashMap<>(params);
        if (nullableName != null) {
            all.put(nullableName, nullableValue);
        }
        return jdbc.sql("UPDATE delegation_board SET version = :version, updated_at = :at"
                        + (set.isBlank() ? "" : ", " + set)
                        + " WHERE delegation_id = :id AND version < :version")
                .params(all)
                .param("id", id.value()).param("version", version).param("at", utc(at))
                .update() == 1;
    }

    private void assignment(DelegationId id, OperatorId operator, String state, Instant at, String reason,
                            boolean returnedToDesk, TrackingToken token) {
        jdbc.sql("""
                        UPDATE delegation_assignment SET state = :state, answered_at = :at, reason = :reason,
                            returned_to_desk = :returned, position = :position
                        WHERE delegation_id = :id AND operator_id = :operator
                        """)
                .param("id", id.value()).param("operator", operator.value()).param("state", state)
                .param("at", utc(at)).param("reason", reason).param("returned", returnedToDesk)
                .param("position", token.position().orElseThrow()).update();
        refreshVisibility(id);
    }

    private void refreshVisibility(DelegationId id) {
        jdbc.sql("""
                        UPDATE delegation_board SET operators = ARRAY(
                            SELECT operator_id FROM delegation_assignment
                            WHERE delegation_id = :id AND state IN %s ORDER BY operator_id)
                        WHERE delegation_id = :id
                        """.formatted(VISIBLE_STATES))
                .param("id", id.value()).update();
    }

    private void scopeDecision(DelegationId id, String requestId, String state, String reason) {
        jdbc.sql("""
                        UPDATE delegation_scope_request SET state = :state, decision_reason = :reason
                        WHERE delegation_id = :id AND request_id = :request
                        """)
                .param("id", id.value()).param("request", requestId).param("state", state).param("reason", reason)
                .update();
    }

    private void refusal(DelegationId id, long version, String kind, String code, String reason, List<String> items,
                         Instant at) {
        jdbc.sql("""
                        INSERT INTO delegation_refusal (delegation_id, version, kind, code, reason, item_ids, refused_at)
                        VALUES (:id, :version, :kind, :code, :reason, :items, :at)
                        ON CONFLICT (delegation_id, version) DO NOTHING
                        """)
                .param("id", id.value()).param("version", version).param("kind", kind).param("code", code)
                .param("reason", reason).param("items", items.toArray(String[]::new)).param("at", utc(at)).update();
    }

    private record Row(long position, DelegationView view) {
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
                rs.getBoolean("confirmed") ? "CONFIRMED" : "TENTATIVE");
    }

    private static DelegationDetailView.Assignment assignment(ResultSet rs, Instant now) throws SQLException {
        String state = rs.getString("state");
        OffsetDateTime due = local(rs, "due_at");
        boolean open = state.equals("OFFERED") || state.equals("ESCALATED");
        return new DelegationDetailView.Assignment(rs.getString("operator_id"),
                AssignmentRole.valueOf(rs.getString("role")), state, local(rs, "offered_at"), due,
                local(rs, "answered_at"), rs.getString("reason"), open && due.toInstant().isBefore(now));
    }

    static OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(COPENHAGEN).toOffsetDateTime();
    }

    private static DelegationView view(ResultSet rs, int rowNum) throws SQLException {
        return new DelegationView(
                rs.getString("delegation_id"),
                DelegationStatus.valueOf(rs.getString("status")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("requesting_organisation"),
                rs.getString("origin_province"),
                rs.getString("origin_city"),
                DelegationType.valueOf(rs.getString("delegation_type")),
                PoliticalLevel.valueOf(rs.getString("political_level")),
                rs.getInt("head_count"),
                rs.getObject("wished_from", LocalDate.class),
                rs.getObject("wished_to", LocalDate.class),
                themes(rs.getArray("themes")),
                rs.getString("purpose"),
                rs.getString("business_opportunity"),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant(),
                rs.getString("registered_by"),
                rs.getString("lead_operator"),
                strings(rs.getArray("supporting_operators")),
                rs.getBoolean("repeat_request"),
                rs.getLong("version"));
    }

    private static List<Theme> themes(Array array) throws SQLException {
        return strings(array).stream().map(Theme::valueOf).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String[] themes(List<Theme> themes) {
        return themes.stream().map(Theme::name).toArray(String[]::new);
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
