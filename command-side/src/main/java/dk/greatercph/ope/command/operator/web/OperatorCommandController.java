package dk.greatercph.ope.command.operator.web;

import dk.greatercph.ope.command.operator.OperatorProblem;
import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.command.operator.AgreeKpiTargetsCommand;
import dk.greatercph.ope.command.operator.ChangeOperatorThemesCommand;
import dk.greatercph.ope.command.operator.RegisterOperatorCommand;
import dk.greatercph.ope.command.web.CommandAccepted;
import dk.greatercph.ope.command.web.Versions;
import dk.greatercph.ope.events.operator.KpiTarget;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.problem.DomainProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands on operators: register, change themes (a new routing version), agree yearly KPI targets. */
@RestController
@RequestMapping(path = "/api/operators", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operators (commands)",
        description = "The operators that host delegations: registration, the themes they take (each change a new version of the routing table) and their yearly KPI targets.")
class OperatorCommandController {

    private final CommandGateway commandGateway;

    OperatorCommandController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an operator",
            description = "DESK. The code becomes the operator's id; its themes join the routing table (R1) as a new version. Answers 201 with the id in Location.")
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody OperatorRequests.Register request) {
        OperatorId id = new OperatorId(request.code());
        commandGateway.sendAndWait(new RegisterOperatorCommand(id, request.name(),
                request.themes().stream().sorted().toList()));
        return Versions.created("/api/operators/" + id, id.value(), 0);
    }

    @PutMapping(path = "/{id}/themes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the themes an operator takes; the routing table gets a new version",
            description = "DESK. Records OperatorThemesChangedEvent naming the new routing-table version; later routings use it.")
    ResponseEntity<CommandAccepted> changeThemes(
            @PathVariable String id,
            @Parameter(description = "Only if the operator is still at this version, e.g. \"2\"")
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OperatorRequests.Themes request) {
        OperatorId operator = operatorId(id);
        long version = commandGateway.<CommandResult>sendAndWait(new ChangeOperatorThemesCommand(operator,
                request.themes().stream().sorted().toList(), Versions.ifMatch(ifMatch))).versionOrThrow();
        return Versions.ok(operator.value(), version);
    }

    @PutMapping(path = "/{id}/kpi-targets/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Agree an operator's KPI targets for a year (replaces an earlier agreement)",
            description = "DESK. The targets are compared with actuals in GET /api/kpis.")
    ResponseEntity<CommandAccepted> agreeKpiTargets(
            @PathVariable String id,
            @PathVariable int year,
            @Parameter(description = "Only if the operator is still at this version, e.g. \"2\"")
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OperatorRequests.KpiTargets request) {
        OperatorId operator = operatorId(id);
        long version = commandGateway.<CommandResult>sendAndWait(new AgreeKpiTargetsCommand(operator, year,
                request.targets().stream().map(t -> new KpiTarget(t.kind(), t.target())).toList(),
                Versions.ifMatch(ifMatch))).versionOrThrow();
        return Versions.ok(operator.value(), version);
    }

    private static OperatorId operatorId(String id) {
        try {
            return new OperatorId(id);
        } catch (IllegalArgumentException e) {
            throw new DomainProblem(OperatorProblem.OPERATOR_NOT_FOUND, "No operator with id " + id + ".");
        }
    }
}
