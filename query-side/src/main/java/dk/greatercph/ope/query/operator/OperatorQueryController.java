package dk.greatercph.ope.query.operator;

import dk.greatercph.ope.platform.problem.DomainProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The operators. */
@RestController
@RequestMapping(path = "/api/operators", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operators (queries)",
        description = "The operators with their themes, and each operator's inbox of assignments with its live push.")
class OperatorQueryController {

    private final QueryGateway queryGateway;

    OperatorQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    @Operation(summary = "All operators with the themes they take",
            description = "DESK or AUDITOR. The operators the routing table routes to, with their themes.")
    List<OperatorView> operators() {
        return queryGateway.query(new FindOperatorsQuery(), ResponseTypes.multipleInstancesOf(OperatorView.class)).join();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One operator with the themes it takes",
            description = "DESK or AUDITOR: where the Location of an operator's registration points. An unknown id "
                    + "is 404 OPERATOR_NOT_FOUND; an operator registered a moment ago is shown once the view has it.")
    @ApiResponse(responseCode = "200", description = "The operator")
    @ApiResponse(responseCode = "404", description = "No such operator (OPERATOR_NOT_FOUND)")
    OperatorView operator(@Parameter(description = "The operator's code", example = "chc") @PathVariable String id) {
        return operators().stream().filter(operator -> operator.id().equals(id)).findFirst()
                .orElseThrow(() -> new DomainProblem(OperatorQueryProblem.OPERATOR_NOT_FOUND, "No operator with id "
                        + id + "."));
    }
}
