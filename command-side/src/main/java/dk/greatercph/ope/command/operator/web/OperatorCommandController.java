package dk.greatercph.ope.command.operator.web;

import dk.greatercph.ope.command.operator.AgreeKpiTargetsCommand;
import dk.greatercph.ope.command.operator.ChangeOperatorThemesCommand;
import dk.greatercph.ope.command.operator.RegisterOperatorCommand;
import dk.greatercph.ope.command.operator.RenameOperatorCommand;
import dk.greatercph.ope.command.web.CommandAccepted;
import dk.greatercph.ope.command.web.CommandAnswers;
import dk.greatercph.ope.command.web.Creates;
import dk.greatercph.ope.command.web.ExpectedVersion;
import dk.greatercph.ope.events.operator.KpiTarget;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.GeneralProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands on operators: register, rename, change themes (a new routing version), agree yearly KPI targets. */
@RestController
@RequestMapping(path = "/api/operators", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operators (commands)",
        description = "The operators that host delegations: registration, the themes they take (each change a new version of the routing table) and their yearly KPI targets.")
class OperatorCommandController {

    private final CommandAnswers commands;

    OperatorCommandController(CommandAnswers commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an operator",
            description = "DESK. The code becomes the operator's id; its themes join the routing table (R1) as a new version. Answers 201 with the id in Location.")
    @Creates
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody OperatorRequests.Register request) {
        OperatorId id = new OperatorId(request.code());
        try {
            return commands.registered("/api/operators/" + id, id, new RegisterOperatorCommand(id, request.name(),
                    request.themes().stream().sorted().toList()));
        } catch (AggregateStreamCreationException e) {
            // the code is what the desk chose: name it, so that a form can mark the field
            throw new DomainProblem(GeneralProblem.ALREADY_EXISTS, "code",
                    "An operator with code " + id + " is registered already.");
        }
    }

    @PutMapping(path = "/{id}/themes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the themes an operator takes; the routing table gets a new version",
            description = "DESK. Records OperatorThemesChangedEvent naming the new routing-table version; later routings use it.")
    ResponseEntity<CommandAccepted> changeThemes(
            @Valid @RequestBody OperatorRequests.Themes request,
            @PathVariable OperatorId id,
            @Parameter(description = "Only if the operator is still at this version, e.g. \"2\"") ExpectedVersion expected) {
        return commands.ok(id, new ChangeOperatorThemesCommand(id, request.themes().stream().sorted().toList(),
                expected.value()));
    }

    @PutMapping(path = "/{id}/name", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rename an operator, with the reason; its code (the id) stays",
            description = "DESK. Records OperatorRenamedEvent; every view names the operator by its id, so each shows "
                    + "the new name. The name it has already records nothing.")
    ResponseEntity<CommandAccepted> rename(
            @Valid @RequestBody OperatorRequests.Rename request,
            @PathVariable OperatorId id,
            @Parameter(description = "Only if the operator is still at this version, e.g. \"2\"") ExpectedVersion expected) {
        return commands.ok(id, new RenameOperatorCommand(id, request.name(), request.reason(), expected.value()));
    }

    @PutMapping(path = "/{id}/kpi-targets/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Agree an operator's KPI targets for a year (replaces an earlier agreement)",
            description = "DESK. The targets are compared with actuals in GET /api/kpis.")
    ResponseEntity<CommandAccepted> agreeKpiTargets(
            @Valid @RequestBody OperatorRequests.KpiTargets request,
            @PathVariable OperatorId id,
            @PathVariable int year,
            @Parameter(description = "Only if the operator is still at this version, e.g. \"2\"") ExpectedVersion expected) {
        return commands.ok(id, new AgreeKpiTargetsCommand(id, year,
                request.targets().stream().map(t -> new KpiTarget(t.kind(), t.target())).toList(),
                expected.value()));
    }
}
