package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.platform.problem.ProblemKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/** The desk's board and one delegation. */
@RestController
@RequestMapping(path = "/api/delegations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Delegations (queries)")
class DelegationQueryController {

    static final int MAX_LIMIT = 200;

    private final QueryGateway queryGateway;

    DelegationQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One delegation",
            description = "An operator finds only delegations assigned to it; any other id answers 404.")
    ResponseEntity<DelegationView> one(@PathVariable String id) {
        String operator = CurrentUser.current().map(CurrentUser::operatorId).orElse(null);
        Optional<DelegationView> view = queryGateway.query(new FindDelegationQuery(id, operator),
                ResponseTypes.optionalInstanceOf(DelegationView.class)).join();
        return view.map(v -> ResponseEntity.ok().eTag("\"" + v.version() + "\"").body(v))
                .orElseThrow(() -> new DomainProblem("DELEGATION_NOT_FOUND", ProblemKind.NOT_FOUND,
                        "No delegation with id " + id + "."));
    }

    @GetMapping
    @Operation(summary = "The desk's board, newest first")
    DelegationPage board(
            @Parameter(description = "Page size, at most " + MAX_LIMIT)
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit,
            @Parameter(description = "The 'next' cursor of the previous page")
            @RequestParam(required = false) String after) {
        return queryGateway.query(new FindDelegationsQuery(BoardCursor.decode(after), limit),
                ResponseTypes.instanceOf(DelegationPage.class)).join();
    }
}
