package dk.greatercph.ope.query.operator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
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
}
