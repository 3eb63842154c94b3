package dk.greatercph.ope.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log: every event, in order, with who, when and why. */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class AuditController {

    static final int MAX_LIMIT = 1000;

    private final QueryGateway queryGateway;

    AuditController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/events")
    @Operation(summary = "The global event log in order, paged by position")
    AuditEventPage events(
            @Parameter(description = "The 'next' cursor of the previous page (a position)", example = "42")
            @RequestParam(defaultValue = "-1") @Min(-1) long after,
            @Parameter(description = "Only events of this aggregate")
            @RequestParam(required = false) String aggregateId,
            @Parameter(description = "Only events of this type (simple or qualified name)",
                    example = "DelegationRegisteredEvent")
            @RequestParam(required = false) String type,
            @Parameter(description = "Page size, at most " + MAX_LIMIT)
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        return queryGateway.query(new FindAuditEventsQuery(after, aggregateId, type, limit),
                ResponseTypes.instanceOf(AuditEventPage.class)).join();
    }
}
