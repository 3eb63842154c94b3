package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
import dk.greatercph.ope.events.delegation.ConfirmationRefusedEvent;
import dk.greatercph.ope.events.delegation.CostCoverageRecordedEvent;
import dk.greatercph.ope.events.delegation.CostCoverageVoidedEvent;
import dk.greatercph.ope.events.delegation.BusinessOpportunityStatedEvent;
import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationConfirmedEvent;
import dk.greatercph.ope.events.delegation.DelegationDeclinedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationMemberAddedEvent;
import dk.greatercph.ope.events.delegation.DelegationMemberRemovedEvent;
import dk.greatercph.ope.events.delegation.SupportingOutcomeReportedEvent;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.RequestCorrectedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeReopenedEvent;
import dk.greatercph.ope.events.delegation.DelegationRoutedEvent;
import dk.greatercph.ope.events.delegation.DelegationScreenedEvent;
import dk.greatercph.ope.events.delegation.DelegationWithdrawnEvent;
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
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.platform.input.IsoDateTimes;
import dk.greatercph.ope.platform.security.ActorMetadata;
import dk.greatercph.ope.query.replay.ParallelReplay;
import dk.greatercph.ope.query.replay.ProjectionTables;
import dk.greatercph.ope.query.replay.SentAtCommit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Projects the delegation lifecycle into the desk's board and the tables behind one delegation's full view; the
 * {@link DelegationBoardQueries} answer from them. Every handler turns its event into a change (the event's name,
 * the delegation, its version and time, and the fields the tables need); PostgreSQL applies the changes with
 * {@code delegation_board_apply} (migrations V160 to V210). A change moves the board row to the event's sequence number only
 * if it is behind ({@code version < :version}): an event seen before changes nothing, and only when the row moved
 * does a change touch the child tables, so a replay gives the same tables.
 * <p>
 * The changes of a processor's batch are sent together when the batch commits, in one call instead of one to three
 * statements per event; the function takes them delegation by delegation and writes the board rows, the new offers
 * and a new delegation's programme items once per call (V210). The changes of a delegation registered in the batch
 * are folded here into its rows, which are written once, by {@code COPY} ({@link BoardCopy}; V230 inserts them from
 * JSON where the database does not order text by code point). A handler that runs in a
 * savepoint of its own (the retry of a failed batch, a dead letter retried) sends its change at once, so that a change
 * PostgreSQL refuses is rolled back and parked with its own event; when the changes sent at the end of a batch are
 * refused, the batch is retried that way.
 * <p>
 * This projection owns {@code delegation_board}, {@code delegation_assignment}, {@code delegation_programme_item},
 * {@code delegation_scope_request} and {@code delegation_refusal}; nothing else writes them. The inbox reads the
 * assignments through the {@code inbox_assignment} view only (migration V80), the desk's escalation list through
 * the {@code desk_escalation} view only (migration V105).
 * <p>
 * Every change touches its own delegation's rows only, and one its tables already hold changes nothing, so a replay
 * runs in parallel by delegation ({@link ParallelReplay}).
 */
@Component
@ParallelReplay
@ProcessingGroup(DelegationBoardProjection.NAME)
class DelegationBoardProjection {

    static final String NAME = FindDelegationQuery.PROJECTION;

    private final JdbcClient jdbc;
    private final JdbcTemplate connections;
    private final JsonMapper json;
    private final boolean byCopy;
    private final SentAtCommit<ObjectNode> changes = new SentAtCommit<>(NAME, "changes", this::send);
    /** The tables' columns and the database's collation, read at the first batch with folded rows. */
    private volatile BoardCopy copy;

    @Autowired
    DelegationBoardProjection(JdbcClient jdbc, JsonMapper json, DataSource dataSource) {
        this(jdbc, json, dataSource, true);
    }

    /** @param byCopy whether folded rows are written by {@code COPY} where the collation allows; if not, by V230 */
    DelegationBoardProjection(JdbcClient jdbc, JsonMapper json, DataSource dataSource, boolean byCopy) {
        this.jdbc = jdbc;
        this.connections = new JdbcTemplate(dataSource);
        this.json = json;
        this.byCopy = byCopy;
    }

    @EventHandler
    void on(DelegationRegisteredEvent event, @Timestamp Instant at, @SequenceNumber long version,
            TrackingToken token, @MetaDataValue(ActorMetadata.ACTOR) String actor,
            @MetaDataValue(ActorMetadata.IMPORTED) Boolean imported) {
        ObjectNode change = change("registered", event.delegationId(), version, at)
                .put("position", token.position().orElseThrow())
                .put("channel", event.channel().name())
                .put("organisation", event.requestingOrganisation())
                .put("province", event.originProvince())
                .put("city", event.originCity())
                .put("type", event.delegationType().name())
                .put("level", event.politicalLevel().name())
                .put("headCount", event.headCount())
                .put("wishedFrom", text(event.wishedFrom()))
                .put("wishedTo", text(event.wishedTo()))
                .put("purpose", event.purpose())
                .put("opportunity", event.businessOpportunity())
                .put("actor", actor)
                .put("country", event.country())
                .put("received", text(event.dateReceived()))
                .put("imported", Boolean.TRUE.equals(imported));
        texts(change, "themes", event.themes().stream().map(Theme::name));
        apply(change);
    }

    /** The desk corrected the request: its fields as corrected, and back to REQUESTED when screened again (R8). */
    @EventHandler
    void on(RequestCorrectedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        ObjectNode change = change("corrected", event.delegationId(), version, at)
                .put("channel", event.channel().name())
                .put("organisation", event.requestingOrganisation())
                .put("province", event.originProvince())
                .put("city", event.originCity())
                .put("type", event.delegationType().name())
                .put("level", event.politicalLevel().name())
                .put("headCount", event.headCount())
                .put("wishedFrom", text(event.wishedFrom()))
                .put("wishedTo", text(event.wishedTo()))
                .put("purpose", event.purpose())
                .put("country", event.country())
                .put("received", text(event.dateReceived()))
                .put("reset", event.screeningReset());
        texts(change, "themes", event.themes().stream().map(Theme::name));
        apply(change);
    }

    /** R2: a business opportunity stated after registration replaces the registration's. */
    @EventHandler
    void on(BusinessOpportunityStatedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(change("opportunity", event.delegationId(), version, at)
                .put("opportunity", event.businessOpportunity()));
    }

    @EventHandler
    void on(DelegationScreenedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        ObjectNode change = change("screened", event.delegationId(), version, at)
                .put("repeat", event.repeatRequest())
                .put("assessment", event.businessOpportunityAssessment());
        texts(change, "earlier", event.earlierRequests().stream().map(DelegationId::value));
        apply(change);
    }

    @EventHandler
    void on(DelegationRoutedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        ObjectNode change = change("routed", event.delegationId(), version, at)
                .put("lead", event.lead().value())
                .put("routing", event.routingVersion())
                .put("override", event.override())
                .put("reason", event.reason());
        texts(change, "supporting", event.supporting().stream().map(OperatorId::value));
        apply(change);
    }

    @EventHandler
    void on(RoutingRefusedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(change("refused", event.delegationId(), version, at)
                .put("kind", "ROUTING").put("code", event.code()).put("reason", event.reason()));
    }

    @EventHandler
    void on(AssignmentOfferedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        apply(assignment("offered", event.delegationId(), event.operatorId(), version, at, token)
                .put("role", event.role().name())
                .put("due", text(event.dueAt())));
    }

    @EventHandler
    void on(AssignmentAcceptedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        apply(assignment("accepted", event.delegationId(), event.operatorId(), version, at, token)
                .put("lead", event.role() == AssignmentRole.LEAD));
    }

    @EventHandler
    void on(AssignmentDeclinedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        apply(assignment("declined", event.delegationId(), event.operatorId(), version, at, token)
                .put("lead", event.role() == AssignmentRole.LEAD)
                .put("returned", event.returnedToDesk())
                .put("reason", event.reason()));
    }

    @EventHandler
    void on(AssignmentEscalatedEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        apply(assignment("escalated", event.delegationId(), event.operatorId(), version, at, token));
    }

    @EventHandler
    void on(AssignmentWithdrawnEvent event, @Timestamp Instant at, @SequenceNumber long version, TrackingToken token) {
        apply(assignment("assignment-withdrawn", event.delegationId(), event.operatorId(), version, at, token));
    }

    @EventHandler
    void on(ScopeExpansionRequestedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        ObjectNode change = change("scope-requested", event.delegationId(), version, at)
                .put("request", event.requestId()).put("reason", event.reason());
        texts(change, "themes", event.themes().stream().map(Theme::name));
        apply(change);
    }

    @EventHandler
    void on(ScopeExpansionApprovedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        ObjectNode change = change("scope-approved", event.delegationId(), version, at)
                .put("request", event.requestId());
        texts(change, "themes", event.themes().stream().map(Theme::name));
        apply(change);
    }

    @EventHandler
    void on(ScopeExpansionRejectedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(change("scope-rejected", event.delegationId(), version, at)
                .put("request", event.requestId()).put("reason", event.reason()));
    }

    @EventHandler
    void on(ProgrammeItemAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(scheduled(item("item-added", event.delegationId(), event.itemId(), version, at), event.kind(),
                event.title(), event.startsAt(), event.endsAt(), event.venueId(), event.hostId(), event.hostIsHospital(),
                event.venueIsHospital())
                .put("plannedBy", event.plannedBy() == null ? null : event.plannedBy().value()));
    }

    @EventHandler
    void on(ProgrammeItemChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(scheduled(item("item-changed", event.delegationId(), event.itemId(), version, at), event.kind(),
                event.title(), event.startsAt(), event.endsAt(), event.venueId(), event.hostId(), event.hostIsHospital(),
                event.venueIsHospital()));
    }

    @EventHandler
    void on(ProgrammeItemRemovedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(item("item-removed", event.delegationId(), event.itemId(), version, at));
    }

    @EventHandler
    void on(DelegationMemberAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(change("advanced", event.delegationId(), version, at));
    }

    @EventHandler
    void on(DelegationMemberRemovedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(change("advanced", event.delegationId(), version, at));
    }

    /** The report itself is the KPI projection's ({@code kpi_supporting_outcome}); the delegation moves on. */
    @EventHandler
    void on(SupportingOutcomeReportedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(change("advanced", event.delegationId(), version, at));
    }

    @EventHandler
    void on(CostCoverageRecordedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(item("cost-covered", event.delegationId(), event.itemId(), version, at)
                .put("payer", event.payer())
                .put("basis", event.basis())
                .put("amount", event.amount() == null ? null : event.amount().toPlainString())
                .put("currency", event.currency()));
    }

    /** The item's coverage is gone: the same change as a recording, with nothing recorded. */
    @EventHandler
    void on(CostCoverageVoidedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(item("cost-covered", event.delegationId(), event.itemId(), version, at)
                .putNull("payer").putNull("basis").putNull("amount").putNull("currency"));
    }

    @EventHandler
    void on(DelegationConfirmedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(change("confirmed", event.delegationId(), version, at));
    }

    @EventHandler
    void on(ProgrammeReopenedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(change("reopened", event.delegationId(), version, at));
    }

    @EventHandler
    void on(ConfirmationRefusedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        ObjectNode change = change("refused", event.delegationId(), version, at)
                .put("kind", "CONFIRMATION").put("code", event.code()).put("reason", event.reason());
        texts(change, "items", event.itemIds() == null ? Stream.empty() : event.itemIds().stream());
        apply(change);
    }

    @EventHandler
    void on(DelegationCompletedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        ObjectNode change = change("completed", event.delegationId(), version, at);
        var outcome = event.outcome();
        if (outcome != null) {
            change.set("outcome", json.valueToTree(new DelegationDetailView.Outcome(
                    outcome.summary(), outcome.investmentLeads(), outcome.companies(), outcome.mous(),
                    outcome.followUps().stream().map(f -> new DelegationDetailView.FollowUp(
                            f.operatorId() == null ? null : f.operatorId().value(), f.action())).toList(),
                    outcome.companiesEstablished(), outcome.jobsCreated(), outcome.tourists(),
                    outcome.overnightStays())));
        }
        apply(change);
    }

    @EventHandler
    void on(DelegationDeclinedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(change("closed", event.delegationId(), version, at)
                .put("status", "DECLINED").put("reason", event.reason()));
    }

    @EventHandler
    void on(DelegationCancelledEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(change("closed", event.delegationId(), version, at)
                .put("status", "CANCELLED").put("reason", event.reason()));
    }

    @EventHandler
    void on(DelegationWithdrawnEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        apply(change("closed", event.delegationId(), version, at)
                .put("status", "WITHDRAWN").put("reason", event.reason()));
    }

    /** Empties the board's tables by TRUNCATE, with the tables' owner's rights ({@link ProjectionTables}). */
    @ResetHandler
    void reset() {
        ProjectionTables.reset(jdbc, NAME);
    }

    private ObjectNode change(String name, DelegationId id, long version, Instant at) {
        return json.createObjectNode().put("event", name).put("id", id.value()).put("version", version)
                .put("at", text(at));
    }

    private ObjectNode assignment(String name, DelegationId id, OperatorId operator, long version, Instant at,
                                  TrackingToken token) {
        return change(name, id, version, at).put("operator", operator.value())
                .put("position", token.position().orElseThrow());
    }

    private ObjectNode item(String name, DelegationId id, String itemId, long version, Instant at) {
        return change(name, id, version, at).put("item", itemId);
    }

    /** What a programme item added or changed says of the item. */
    private static ObjectNode scheduled(ObjectNode change, ProgrammeItemKind kind, String title, Instant starts,
                                        Instant ends, VenueId venue, PartnerId host, boolean hostIsHospital,
                                        boolean venueIsHospital) {
        return change.put("kind", kind.name())
                .put("title", title)
                .put("starts", text(starts))
                .put("ends", text(ends))
                .put("venue", venue == null ? null : venue.value())
                .put("host", host == null ? null : host.value())
                .put("hostIsHospital", hostIsHospital)
                .put("venueIsHospital", venueIsHospital);
    }

    /** An instant as PostgreSQL reads it ({@link Instant#toString()}'s text, without its formatter), or null. */
    private static String text(Instant value) {
        return value == null ? null : IsoDateTimes.format(value);
    }

    /** A date as PostgreSQL reads it, or null. */
    private static String text(LocalDate value) {
        return value == null ? null : value.toString();
    }

    private static void texts(ObjectNode change, String field, Stream<String> values) {
        change.put(field, arrayLiteral(values));
    }

    /**
     * Texts as a PostgreSQL array literal ({@code {"a","b"}}), each quoted, a null as {@code NULL}: the function reads
     * it with a cast, where a JSON array took a query per list (migration V200).
     */
    static String arrayLiteral(Stream<String> values) {
        StringBuilder literal = new StringBuilder("{");
        values.forEach(value -> {
            if (literal.length() > 1) {
                literal.append(',');
            }
            if (value == null) {
                literal.append("NULL");
                return;
            }
            literal.append('"');
            for (int i = 0; i < value.length(); i++) {
                char character = value.charAt(i);
                if (character == '"' || character == '\\') {
                    literal.append('\\');
                }
                literal.append(character);
            }
            literal.append('"');
        });
        return literal.append('}').toString();
    }

    /**
     * Sends {@code change} with the rest of its batch when the unit of work commits, or at once outside a batch and
     * when its handler has a savepoint of its own.
     */
    private void apply(ObjectNode change) {
        changes.add(change);
    }

    /**
     * Sends a batch's changes: those of delegations registered in it folded into their rows and inserted once each
     * ({@link BoardFold}, V230), the others, and those of folded delegations PostgreSQL found on the board already,
     * to {@code delegation_board_apply}. (Not private: the tests hold the fold equal to the function with it.)
     */
    void send(List<ObjectNode> batch) {
        Map<String, List<ObjectNode>> byDelegation = new LinkedHashMap<>();
        for (ObjectNode change : batch) {
            byDelegation.computeIfAbsent(change.get("id").asString(), id -> new ArrayList<>()).add(change);
        }
        BoardFold fold = new BoardFold(json);
        List<ObjectNode> unfolded = new ArrayList<>();
        byDelegation.forEach((id, changes) -> {
            if (!fold.add(id, changes)) {
                unfolded.addAll(changes);
            }
        });
        if (!fold.isEmpty()) {
            for (String stored : insertNew(fold)) {
                unfolded.addAll(byDelegation.get(stored));
            }
        }
        if (!unfolded.isEmpty()) {
            applyChanges(unfolded);
        }
    }

    /**
     * Writes the folded delegations' rows, except those of delegations already on the board, which it returns: by
     * {@code COPY} where the database orders text by code point, as this sorts the operators who see a delegation
     * ({@link BoardCopy}); by V230 from JSON where not.
     */
    private List<String> insertNew(BoardFold fold) {
        if (!byCopy) {
            return insertNewFromJson(fold);
        }
        return connections.execute((ConnectionCallback<List<String>>) connection -> {
            BoardCopy tables = copy(connection);
            if (!tables.ordersByCodePoint()) {
                return insertNewFromJson(fold);
            }
            List<String> stored = stored(connection, fold.ids());
            try {
                for (Map.Entry<String, List<ObjectNode>> table
                        : fold.rowsByTable(new HashSet<>(stored), BoardCopy.BY_CODE_POINT).entrySet()) {
                    tables.copy(connection, table.getKey(), table.getValue());
                }
            } catch (SQLException | RuntimeException refused) {
                // the columns are read again for the next batch: a table changed by a migration since they were read
                // is then written as it is now
                copy = null;
                throw refused;
            }
            return stored;
        });
    }

    private BoardCopy copy(Connection connection) throws SQLException {
        BoardCopy known = copy;
        if (known == null) {
            known = BoardCopy.describe(connection, json, BoardFold.TABLES);
            copy = known;
        }
        return known;
    }

    /** Which of the delegations are on the board already (V252). */
    private static List<String> stored(Connection connection, List<String> ids) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT delegation_board_stored(?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (var result = statement.executeQuery()) {
                result.next();
                return List.of((String[]) result.getArray(1).getArray());
            }
        }
    }

    /** Inserts the folded delegations' rows from JSON (V230), except those of delegations already on the board. */
    private List<String> insertNewFromJson(BoardFold fold) {
        return jdbc.sql("SELECT unnest(delegation_board_insert_new(CAST(:ids AS varchar[]), "
                        + "CAST(convert_from(:rows, 'UTF8') AS jsonb)))")
                .param("ids", arrayLiteral(fold.ids().stream()))
                .param("rows", json.writeValueAsBytes(fold.rows()))
                .query(String.class).list();
    }

    /**
     * Sends the changes as UTF-8 bytes, which the driver passes on as they are: written as a {@code String}, Jackson
     * turned each text into characters, the JDK packed them into a string again and the driver encoded that string
     * to UTF-8, three passes over every character (docs/performance.md, "The board's changes sent as bytes").
     */
    private void applyChanges(List<ObjectNode> changes) {
        ArrayNode array = json.createArrayNode();
        array.addAll(changes);
        jdbc.sql("SELECT delegation_board_apply(CAST(convert_from(:changes, 'UTF8') AS jsonb))")
                .param("changes", json.writeValueAsBytes(array))
                .query().listOfRows();
    }
}
