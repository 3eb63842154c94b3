package dk.greatercph.ope.command.person.web;

import dk.greatercph.ope.platform.input.MultilineText;
import dk.greatercph.ope.command.person.ErasePersonalDataCommand;
import dk.greatercph.ope.events.person.PersonId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import dk.greatercph.ope.platform.privacy.ErasedInViews;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/** Erasure of a data subject's personal data (GDPR, rule R9). */
@RestController
@RequestMapping(path = "/api/persons", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Persons (commands)",
        description = "Personal data (rule R9): erasure destroys a person's data key, so every view, export and replay reads the person's fields as erased.")
class PersonCommandController {

    /** How long an erasure waits for the views that hold the person's fields opened before it answers. */
    private static final Duration VIEWS_WAIT = Duration.ofSeconds(5);

    private final CommandGateway commandGateway;
    private final ObjectProvider<ErasedInViews> views;

    PersonCommandController(CommandGateway commandGateway, ObjectProvider<ErasedInViews> views) {
        this.commandGateway = commandGateway;
        this.views = views;
    }

    @Schema(name = "ErasureRequest")
    record ErasureRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2000,
                    example = "GDPR art. 17(1)(a): data no longer necessary; request of 2027-05-02, case 27/1234")
            @NotBlank @Size(max = 2000) @MultilineText String legalBasis) {
    }

    @Schema(name = "ErasureDone")
    record ErasureDone(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PER-2c1d7a0e-5b3f-4e8a-9c6d-1f0e2d3c4b5a")
                       String personId,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true") boolean erased) {
    }

    @PostMapping(path = "/{personId}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erase a person's personal data (destroys the person's data key; DESK or ADMIN)",
            description = "Afterwards every view, the audit log, the export and every replay show the person's fields "
                    + "as erased; answered once the views that hold them have handled the erasure (at most 5 s). 404 PERSON_NOT_FOUND when nothing is held, 409 ALREADY_ERASED the second time.")
    ResponseEntity<ErasureDone> erase(@Valid @RequestBody ErasureRequest request, @PathVariable PersonId personId) {
        commandGateway.sendAndWait(new ErasePersonalDataCommand(personId, request.legalBasis()));
        // answered once the views no longer serve the fields: right after the answer they were still read in clear
        views.ifAvailable(erased -> erased.awaitCaughtUp(VIEWS_WAIT));
        return ResponseEntity.ok(new ErasureDone(personId.value(), true));
    }
}
