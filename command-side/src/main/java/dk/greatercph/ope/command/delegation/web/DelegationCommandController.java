package dk.greatercph.ope.command.delegation.web;

import dk.greatercph.ope.command.web.CommandAccepted;
import dk.greatercph.ope.command.web.CommandAnswers;
import dk.greatercph.ope.command.web.Creates;
import dk.greatercph.ope.events.delegation.DelegationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;




/** Commands on incoming delegations. */
@RestController
@RequestMapping(path = "/api/delegations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Delegations (commands)",
        description = "The desk registers, screens, routes, plans, confirms and closes incoming delegations; operators answer their assignments, plan programme items and report outcomes. Every command answers the delegation's new version in ETag; If-Match makes it conditional.")
class DelegationCommandController {

    private final CommandAnswers commands;

    DelegationCommandController(CommandAnswers commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an incoming delegation request",
            description = "DESK. Records DelegationRegisteredEvent; answers 201 with the new id in Location and the version (0) in ETag. Unknown or read-only fields are 400 naming the field.")
    @Creates
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterDelegationRequest request) {
        DelegationId id = DelegationId.newId();
        return commands.registered("/api/delegations/" + id, id, request.toCommand(id));
    }
}
