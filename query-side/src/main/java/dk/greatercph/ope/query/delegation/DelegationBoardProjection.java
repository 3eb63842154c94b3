package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
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
import dk.greatercph.ope.events.delegation.DelegationWithdrawnEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemRemovedEvent;
import dk.greatercph.ope.events.delegation.RoutingRefusedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionApprovedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRejectedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRequestedEvent;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.security.ActorMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static dk.greatercph.ope.platform.time.OpeTime.utc;

/**
 * Projects the delegation lifecycle into the desk's board and the tables behind one delegation's full view; the
 * {@link DelegationBoardQueries} answer from them. Every handler moves the board row to the event's sequence
 * number only if it is behind ({@code version < :version}): an event seen before changes nothing, and only when
 * the row moved does a handler touch the child tables, so a replay gives the same tables.
 * <p>
 * This projection owns {@code delegation_board}, {@code delegation_assignment}, {@code delegation_programme_item},
 * {@code delegation_scope_request} and {@code delegation_refusal}; nothing else writes them. The inbox reads the
 * assignments through the {@code inbox_assignment} view only (migration V80), the desk's escalation list through
 * the {@code desk_escalation} view only (migration V105).
 */
@Component
@ProcessingGroup(DelegationBoardProjection.NAME)
class DelegationBoardProjection {

    static final String NAME = "delegation-board";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DelegationBoardProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(DelegationRegisteredEvent event, @Timestamp Instant at, @SequenceNumber long version,
            TrackingToken token, @MetaDataValue(ActorMetadata.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO delegation_board (delegation_id, board_position, status, channel,
                            requesting_organisation, origin_province, origin_city, delegation_type, political_level,
                            head_count, wished_from, wished_to, themes, purpose, business_opportunity,
                            registered_at, registered_by, version, updated_at, country, date_received)
                        VALUES (:id, :position, 'REQUESTED', :channel, :organisation, :province, :city, :type,
                            :level, :headCount, :wishedFrom, :wishedTo, :themes, :purpose, :opportunity, :at,
                            :actor, :version, :at, :country, :received)
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
                .param("actor", actor)
                .param("version", version)
                .param("country", event.country())
                .param("received", event.dateReceived())
                .update();
    }

    @EventHandler
    void on(DelegationScreenedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        moved(jdbc.sql("""
                        UPDATE delegation_board SET version = :version, updated_at = :at, status = 'SCREENED',
                            repeat_request = :repeat, earlier_requests = :earlier,
                            business_opportunity_assessment = :assessment
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("repeat", event.repeatRequest())
                .param("earlier", event.earlierRequests().stream().map(DelegationId::value).toArray(String[]::new))
                .param("assessment", event.businessOpportunityAssessment()), event.delegationId(), version, at);
    }

    @EventHandler
    void on(DelegationRoutedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        moved(jdbc.sql("""
                        UPDATE delegation_board SET version = :version, updated_at = :at, status = 'ROUTED',
                            lead_operator = :lead, supporting_operators = :supporting, routing_version = :routing,
                            routing_override = :override, routing_reason = :reason
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("lead", event.lead().value())
                .param("supporting", event.supporting().stream().map(OperatorId::value).toArray(String[]::new))
                .param("routing", event.routingVersion())
                .param("override", event.override())
                .param("reason", event.reason()), event.delegationId(), version, at);
    }

    @EventHandler
    void on(RoutingRefusedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at)) {
            refusal(event.delegationId(), version, "ROUTING", event.code(), event.reason(), List.of(), at);
        }
    }

    @EventHandler
    void on(AssignmentOfferedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        if (advance(event.delegationId(), version, at)) {
            jdbc.sql("""
                            INSERT INTO delegation_assignment (delegation_id, operator_id, role, state, offered_at,
                                due_at, position)
                            VALUES (:id, :operator, :role, 'OFFERED', :at, :due, :position)
                            ON CONFLICT (delegation_id, operator_id) DO UPDATE SET role = EXCLUDED.role,
                                state = 'OFFERED', offered_at = EXCLUDED.offered_at, due_at = EXCLUDED.due_at,
                                answered_at = NULL, reason = NULL, returned_to_desk = FALSE,
                                position = EXCLUDED.position, escalated_at = NULL
                            """)
                    .param("id", event.delegationId().value()).param("operator", event.operatorId().value())
                    .param("role", event.role().name()).param("at", utc(at)).param("due", utc(event.dueAt()))
                    .param("position", token.position().orElseThrow()).update();
            refreshVisibility(event.delegationId());
        }
    }

    @EventHandler
    void on(AssignmentAcceptedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        boolean moved = event.role() == AssignmentRole.LEAD
                ? moved(jdbc.sql("""
                        UPDATE delegation_board SET version = :version, updated_at = :at,
                            status = CASE WHEN status = 'ROUTED' THEN 'ACCEPTED' ELSE status END
                        WHERE delegation_id = :id AND version < :version
                        """), event.delegationId(), version, at)
                : advance(event.delegationId(), version, at);
        if (moved) {
            answer(event.delegationId(), event.operatorId(), "ACCEPTED", at, null, false, token);
        }
    }

    @EventHandler
    void on(AssignmentDeclinedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        boolean moved = event.role() == AssignmentRole.LEAD && event.returnedToDesk()
                ? moved(jdbc.sql("""
                        UPDATE delegation_board SET version = :version, updated_at = :at, status = 'SCREENED',
                            lead_operator = NULL, supporting_operators = '{}'
                        WHERE delegation_id = :id AND version < :version
                        """), event.delegationId(), version, at)
                : advance(event.delegationId(), version, at);
        if (moved) {
            answer(event.delegationId(), event.operatorId(), "DECLINED", at, event.reason(), event.returnedToDesk(),
                    token);
        }
    }

    @EventHandler
    void on(AssignmentEscalatedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        if (advance(event.delegationId(), version, at)) {
            jdbc.sql("""
                            UPDATE delegation_assignment SET state = 'ESCALATED', position = :position,
                                escalated_at = :at
                            WHERE delegation_id = :id AND operator_id = :operator
                            """)
                    .param("id", event.delegationId().value()).param("operator", event.operatorId().value())
                    .param("position", token.position().orElseThrow()).param("at", utc(at)).update();
            refreshVisibility(event.delegationId());
        }
    }

    @EventHandler
    void on(AssignmentWithdrawnEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        if (advance(event.delegationId(), version, at)) {
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
        if (advance(event.delegationId(), version, at)) {
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
        boolean moved = moved(jdbc.sql("""
                        UPDATE delegation_board SET version = :version, updated_at = :at,
                            themes = ARRAY(SELECT t FROM unnest(themes || CAST(:added AS TEXT[])) WITH ORDINALITY AS u(t, n)
                                GROUP BY t ORDER BY min(n))
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("added", themes(event.themes())), event.delegationId(), version, at);
        if (moved) {
            scopeDecision(event.delegationId(), event.requestId(), "APPROVED", null);
        }
    }

    @EventHandler
    void on(ScopeExpansionRejectedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at)) {
            scopeDecision(event.delegationId(), event.requestId(), "REJECTED", event.reason());
        }
    }

    @EventHandler
    void on(ProgrammeItemAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        boolean moved = moved(jdbc.sql("""
                        UPDATE delegation_board SET version = :version, updated_at = :at,
                            status = CASE WHEN status = 'ACCEPTED' THEN 'PROGRAMME_PLANNED' ELSE status END
                        WHERE delegation_id = :id AND version < :version
                        """), event.delegationId(), version, at);
        if (moved) {
            jdbc.sql("""
                            INSERT INTO delegation_programme_item (delegation_id, item_id, kind, title, starts_at,
                                ends_at, venue_id, host_id, host_is_hospital, planned_by, venue_is_hospital)
                            VALUES (:id, :item, :kind, :title, :starts, :ends, :venue, :host, :hospital, :plannedBy,
                                :venueHospital)
                            ON CONFLICT (delegation_id, item_id) DO NOTHING
                            """)
                    .param("id", event.delegationId().value()).param("item", event.itemId())
                    .param("kind", event.kind().name()).param("title", event.title())
                    .param("starts", utc(event.startsAt())).param("ends", utc(event.endsAt()))
                    .param("venue", event.venueId() == null ? null : event.venueId().value())
                    .param("host", event.hostId() == null ? null : event.hostId().value())
                    .param("hospital", event.hostIsHospital())
                    .param("plannedBy", event.plannedBy() == null ? null : event.plannedBy().value())
                    .param("venueHospital", event.venueIsHospital())
                    .update();
        }
    }

    @EventHandler
    void on(ProgrammeItemChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at)) {
            jdbc.sql("""
                            UPDATE delegation_programme_item SET kind = :kind, title = :title, starts_at = :starts,
                                ends_at = :ends, venue_id = :venue, host_id = :host, host_is_hospital = :hospital,
                                venue_is_hospital = :venueHospital, confirmed = FALSE
                            WHERE delegation_id = :id AND item_id = :item
                            """)
                    .param("id", event.delegationId().value()).param("item", event.itemId())
                    .param("kind", event.kind().name()).param("title", event.title())
                    .param("starts", utc(event.startsAt())).param("ends", utc(event.endsAt()))
                    .param("venue", event.venueId() == null ? null : event.venueId().value())
                    .param("host", event.hostId() == null ? null : event.hostId().value())
                    .param("hospital", event.hostIsHospital())
                    .param("venueHospital", event.venueIsHospital()).update();
        }
    }

    @EventHandler
    void on(ProgrammeItemRemovedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at)) {
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
        advance(event.delegationId(), version, at);
    }

    @EventHandler
    void on(DelegationMemberRemovedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        advance(event.delegationId(), version, at);
    }

    @EventHandler
    void on(CostCoverageRecordedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at)) {
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
        boolean moved = moved(jdbc.sql("""
                        UPDATE delegation_board SET version = :version, updated_at = :at, status = 'CONFIRMED'
                        WHERE delegation_id = :id AND version < :version
                        """), event.delegationId(), version, at);
        if (moved) {
            jdbc.sql("UPDATE delegation_programme_item SET confirmed = TRUE WHERE delegation_id = :id")
                    .param("id", event.delegationId().value()).update();
        }
    }

    @EventHandler
    void on(ConfirmationRefusedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        if (advance(event.delegationId(), version, at)) {
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
        moved(jdbc.sql("""
                        UPDATE delegation_board SET version = :version, updated_at = :at, status = 'COMPLETED',
                            outcome = CAST(:outcome AS jsonb)
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("outcome", document), event.delegationId(), version, at);
    }

    @EventHandler
    void on(DelegationDeclinedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        moved(jdbc.sql("""
                        UPDATE delegation_board SET version = :version, updated_at = :at, status = 'DECLINED',
                            closing_reason = :reason
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("reason", event.reason()), event.delegationId(), version, at);
    }

    @EventHandler
    void on(DelegationCancelledEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        moved(jdbc.sql("""
                        UPDATE delegation_board SET version = :version, updated_at = :at, status = 'CANCELLED',
                            closing_reason = :reason
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("reason", event.reason()), event.delegationId(), version, at);
    }

    @EventHandler
    void on(DelegationWithdrawnEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        moved(jdbc.sql("""
                        UPDATE delegation_board SET version = :version, updated_at = :at, status = 'WITHDRAWN',
                            closing_reason = :reason
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("reason", event.reason()), event.delegationId(), version, at);
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("delegation_refusal", "delegation_scope_request", "delegation_programme_item",
                "delegation_assignment", "delegation_board")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    /** Moves the board row to {@code version} and nothing else, unless it is there already. */
    private boolean advance(DelegationId id, long version, Instant at) {
        return moved(jdbc.sql("""
                UPDATE delegation_board SET version = :version, updated_at = :at
                WHERE delegation_id = :id AND version < :version
                """), id, version, at);
    }

    /**
     * Runs a handler's own board update, guarded by {@code version < :version}, binding the row and the version it
     * moves to; true when the row moved, which is when the caller may change the child tables.
     */
    private static boolean moved(JdbcClient.StatementSpec update, DelegationId id, long version, Instant at) {
        return update.param("id", id.value()).param("version", version).param("at", utc(at)).update() == 1;
    }

    private void answer(DelegationId id, OperatorId operator, String state, Instant at, String reason,
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

    /** The operators who see the delegation (object-level reads): those with an open or accepted assignment. */
    private void refreshVisibility(DelegationId id) {
        jdbc.sql("""
                        UPDATE delegation_board SET operators = ARRAY(
                            SELECT operator_id FROM delegation_assignment
                            WHERE delegation_id = :id AND state IN ('OFFERED', 'ACCEPTED', 'ESCALATED')
                            ORDER BY operator_id)
                        WHERE delegation_id = :id
                        """)
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

    private static String[] themes(List<Theme> themes) {
        return themes.stream().map(Theme::name).toArray(String[]::new);
    }
}
