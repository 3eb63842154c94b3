package dk.greatercph.ope.query.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

/** R5: the desk's list of every overdue and escalated assignment. */
@RestController
@RequestMapping(path = "/api/escalations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Escalations", description = "R5: every overdue and escalated assignment across operators, with what the desk does next.")
class EscalationController {

    static final int MAX_LIMIT = 200;

    private final QueryGateway queryGateway;

    EscalationController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    @Operation(summary = "Every overdue and escalated assignment, most overdue first",
            description = """
                    DESK or AUDITOR. Assignments the deadline escalated and offers past their due time that no \
                    operator answered yet, on delegations still open, across all operators: the delegation, the \
                    operator and its role, when it was offered, due and escalated (Europe/Copenhagen), how long it is \
                    overdue as of the request, and the desk's next step with the API call that carries it out. \
                    Ordered by due time (most overdue first); pages follow the 'next' cursor.""")
    @ApiResponse(responseCode = "200", description = "A page of escalations")
    EscalationPage escalations(
            @Parameter(description = "Page size, at most " + MAX_LIMIT)
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit,
            @Parameter(description = "The 'next' cursor of the previous page")
            @RequestParam(required = false) String after) {
        return queryGateway.query(new FindEscalationsQuery(EscalationCursor.decode(after), limit),
                ResponseTypes.instanceOf(EscalationPage.class)).join();
    }
}
