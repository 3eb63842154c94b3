package dk.greatercph.ope.command.reference.web;

import dk.greatercph.ope.command.reference.RegisterPartnerCommand;
import dk.greatercph.ope.command.reference.RegisterVenueCommand;
import dk.greatercph.ope.command.web.CommandAccepted;
import dk.greatercph.ope.command.web.CommandAnswers;
import dk.greatercph.ope.command.web.Creates;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.PartnerKind;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;
import dk.greatercph.ope.platform.input.InputProblem;
import dk.greatercph.ope.platform.input.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registers partners (possible hosts) and venues. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partners and venues (commands)",
        description = "Reference data: the partners that host programme items (hospitals among them, rule R3) and the venues where they take place (rule R6).")
class ReferenceCommandController {

    private final CommandAnswers commands;

    ReferenceCommandController(CommandAnswers commands) {
        this.commands = commands;
    }

    @Schema(name = "RegisterPartnerRequest")
    record PartnerRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Rigshospitalet", maxLength = 200)
            @NotBlank @Size(max = 200) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HOSPITAL") @NotNull PartnerKind kind,
            @Schema(example = "true", description = "Hosts as a hospital (rule R3); implied by kind HOSPITAL, with which false is 400 INVALID_FIELD")
            Boolean hospital) {
    }

    @Schema(name = "RegisterVenueRequest")
    record VenueRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Regionsgården, Hillerød", maxLength = 200)
            @NotBlank @Size(max = 200) String name,
            @Schema(example = "Kongens Vænge 2, 3400 Hillerød", maxLength = 300) @Size(max = 300) String address,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "40", minimum = "1", maximum = "100000")
            @NotNull @Min(1) @Max(100_000) Integer capacity,
            @Schema(example = "HOSPITAL", defaultValue = "OTHER",
                    description = "What kind of place it is; every item at a HOSPITAL venue needs cost coverage (R3)")
            VenueKind kind) {
    }

    @PostMapping(path = "/partners", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a partner that can host programme items",
            description = "DESK. A partner of kind HOSPITAL, or with hospital true, makes its programme items need cost coverage (R3). Answers 201 with the id in Location.")
    @Creates
    ResponseEntity<CommandAccepted> registerPartner(@Valid @RequestBody PartnerRequest request) {
        if (request.kind() == PartnerKind.HOSPITAL && Boolean.FALSE.equals(request.hospital())) {
            // recorded as a hospital all the same (R3 follows the kind): the client was not told its false was dropped
            throw new InvalidInput(InputProblem.INVALID_FIELD, "hospital",
                    "contradicts kind HOSPITAL: a partner of that kind is a hospital (R3)");
        }
        PartnerId id = PartnerId.newId();
        return commands.registered("/api/partners/" + id, id, new RegisterPartnerCommand(id, request.name(),
                request.kind(), Boolean.TRUE.equals(request.hospital())));
    }

    @PostMapping(path = "/venues", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a venue",
            description = "DESK. Programme items name the venue; confirmation refuses a venue double-booked by another confirmed programme (R6). Answers 201 with the id in Location.")
    @Creates
    ResponseEntity<CommandAccepted> registerVenue(@Valid @RequestBody VenueRequest request) {
        VenueId id = VenueId.newId();
        return commands.registered("/api/venues/" + id, id,
                new RegisterVenueCommand(id, request.name(), request.address(), request.capacity(),
                        request.kind() == null ? VenueKind.OTHER : request.kind()));
    }
}
