package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.platform.eventstore.StoredEvent;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.security.ActorMetadata;
import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.query.delegation.DelegationDetailView;
import dk.greatercph.ope.query.delegation.FindDelegationQuery;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a delegation and who, by role, did it: its events' types and times, without their content. An
 * operator's page told its history only up to its acceptance (what the board's row carries), as it may not read the
 * audit log; this is the timeline's outline, for the desk, the auditors and the operators on the delegation.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Delegations (queries)")
class DelegationHistoryController {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final QueryGateway queryGateway;
    private final ProjectionProgress progress;

    DelegationHistoryController(JdbcClient jdbc, JsonMapper json, QueryGateway queryGateway,
                                ProjectionProgress progress) {
        this.jdbc = jdbc;
        this.json = json;
        this.queryGateway = queryGateway;
        this.progress = progress;
    }

    /** A delegation's events in order: what, when, and the role (and operator) of who did it. */
    @Schema(name = "DelegationHistory")
    record History(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
            String delegationId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Entry> events) {
    }

    /** One event, without its content. */
    @Schema(name = "DelegationHistoryEntry")
    record Entry(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3", description = "The aggregate version")
            long version,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AssignmentAcceptedEvent") String eventType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant at,
            @Schema(example = "DESK", allowableValues = {"DESK", "OPERATOR", "AUDITOR", "ADMIN", "SYSTEM"},
                    description = "The role of who did it; absent for what was recorded without one")
            String actorRole,
            @Schema(example = "chc", description = "For an operator's user, the operator it acted for")
            String actorOperator,
            @Schema(example = "woco", description = "The operator the event concerns (an offer, an answer, an "
                    + "escalation, a withdrawal), from its content; absent for an event that names none")
            String operatorId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Recorded by an import of earlier records")
            boolean imported) {
    }

    @GetMapping("/delegations/{id}/history")
    @Operation(summary = "What happened to a delegation and who, by role, did it, without the events' content",
            description = """
                    DESK, AUDITOR, or an OPERATOR the delegation is assigned to (to any other operator it does not \
                    exist: 404, as for the delegation). Every event of the delegation in order with its type, time, \
                    the actor's role and, for an operator's user, the operator; no payload and no user name. An \
                    operator's read waits (at most 5 seconds) until the board has every event recorded before it. \
                    The auditors read the events whole in /api/audit/Delegation/{id}/timeline.""")
    @ApiResponse(responseCode = "200", description = "The delegation's events in order")
    @ApiResponse(responseCode = "404", description = "No such delegation, or not assigned to the calling operator")
    History history(@Parameter(description = "The delegation id", example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
                    @PathVariable String id) {
        CurrentUser user = CurrentUser.current().orElseThrow(DomainProblem::notFound);
        if (user.isOperator()) {
            progress.awaitCaughtUp(FindDelegationQuery.PROJECTION, ProjectionProgress.MAX_WAIT);
            queryGateway.query(new FindDelegationQuery(id, user.operatorId()),
                            ResponseTypes.optionalInstanceOf(DelegationDetailView.class)).join()
                    .orElseThrow(DomainProblem::notFound);
        }
        List<Entry> events = jdbc.sql("SELECT " + StoredEvent.COLUMNS + """
                         FROM DomainEventEntry WHERE aggregateIdentifier = :id AND type = 'Delegation'
                        ORDER BY sequenceNumber
                        """)
                .param("id", id)
                .query((rs, n) -> entry(StoredEvent.read(rs)))
                .list();
        if (events.isEmpty()) {
            throw DomainProblem.notFound();
        }
        return new History(id, events);
    }

    private Entry entry(StoredEvent event) {
        JsonNode meta = event.metaData() == null ? json.createObjectNode() : json.readTree(event.metaData());
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        return new Entry(event.sequenceNumber(), type, event.instant(), text(meta, ActorMetadata.ROLE),
                text(meta, ActorMetadata.OPERATOR), concerned(event), meta.path(ActorMetadata.IMPORTED).asBoolean(false));
    }

    /**
     * The operator an event's content names, and nothing else of it: "offer withdrawn" read as the withdrawing
     * operator's own offer, and the page took a withdrawn offer for an accepted one.
     */
    private String concerned(StoredEvent event) {
        if (event.payload() == null) {
            return null;
        }
        JsonNode operator = json.readTree(event.payload()).path("operatorId");
        JsonNode value = operator.isObject() ? operator.path("value") : operator;
        return value.isString() ? value.asString() : null;
    }

    private static String text(JsonNode meta, String key) {
        JsonNode value = meta.path(key);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
