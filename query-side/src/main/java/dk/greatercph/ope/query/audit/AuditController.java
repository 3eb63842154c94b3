package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.platform.input.DateRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;

/** The audit log: every event, in order, with who, when and why. */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit",
        description = "For auditors: the global event log with who, when and why, one aggregate's history and state as of a moment, the tamper-evident hash chain, signed checkpoints, NDJSON export and the log of personal-data reads.")
class AuditController {

    static final int MAX_LIMIT = 1000;

    private final QueryGateway queryGateway;

    AuditController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/events")
    @Operation(summary = "The global event log in order, paged by position",
            description = "Every filter is optional and they combine. The cursor is the global position, so a page "
                    + "never shifts when events are appended.")
    AuditEventPage events(
            @Parameter(description = "The 'next' cursor of the previous page (a position)", example = "42")
            @RequestParam(defaultValue = "-1") @Min(-1) long after,
            @Parameter(description = "Only events recorded at or after this moment (ISO-8601 with offset)",
                    example = "2027-04-01T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @Parameter(description = "Only events recorded before this moment (ISO-8601 with offset)",
                    example = "2027-05-01T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @Parameter(description = "Only events of aggregates of this type, ignoring case: Delegation, Trip, Operator, "
                    + "Venue, Partner or NotificationSettings; another name is 400 UNKNOWN_AGGREGATE_TYPE",
                    example = "Delegation")
            @RequestParam(required = false) String aggregateType,
            @Parameter(description = "Only events of this aggregate",
                    example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
            @RequestParam(required = false) String aggregateId,
            @Parameter(description = "Only events of this type (simple or qualified name, ignoring case, \"Event\" "
                    + "optional); a name no event type has is 400 UNKNOWN_EVENT_TYPE",
                    example = "DelegationRegisteredEvent")
            @RequestParam(required = false) String type,
            @Parameter(description = "Only events caused by this user (the 'actor' metadata)", example = "desk")
            @RequestParam(required = false) String actor,
            @Parameter(description = "Page size, at most " + MAX_LIMIT)
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        DateRange.requireWindow("to", from, to);
        FindAuditEventsQuery.EventFilter filter = new FindAuditEventsQuery.EventFilter(instant(from), instant(to),
                aggregateType, aggregateId, type, actor);
        LoggedNames.requireKnown(filter);
        return queryGateway.query(new FindAuditEventsQuery(after, filter, limit),
                ResponseTypes.instanceOf(AuditEventPage.class)).join();
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
