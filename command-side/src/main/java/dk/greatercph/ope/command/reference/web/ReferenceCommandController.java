package dk.greatercph.ope.command.reference.web;

import dk.greatercph.ope.command.reference.CorrectPartnerCommand;
import dk.greatercph.ope.command.reference.CorrectVenueCommand;
import dk.greatercph.ope.command.reference.RegisterPartnerCommand;
import dk.greatercph.ope.command.reference.RegisterVenueCommand;
import dk.greatercph.ope.command.web.CommandAccepted;
import dk.greatercph.ope.command.web.CommandAnswers;
import dk.greatercph.ope.command.web.Creates;
import dk.greatercph.ope.command.web.ExpectedVersion;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.PartnerKind;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;
import dk.greatercph.ope.platform.input.InputProblem;
import dk.greatercph.ope.platform.input.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registers partners (possible hosts) and venues. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partners and venues (commands)",
        description = "Reference data: the partners that host programme items (hospitals among them, rule R3) and the venues where they take place (rule R6).")
class ReferenceCommandController {

    private static final String IF_MATCH = "Only if the record is still at this version, e.g. \"0\"";

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

    @Schema(name = "CorrectPartnerRequest", description = "A partner as it should stand, and why it is corrected.")
    record PartnerCorrection(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Rigshospitalet", maxLength = 200)
            @NotBlank @Size(max = 200) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HOSPITAL") @NotNull PartnerKind kind,
            @Schema(example = "true", description = "Hosts as a hospital (rule R3); implied by kind HOSPITAL, with which false is 400 INVALID_FIELD")
            Boolean hospital,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "The name was misspelt", maxLength = 2000)
            @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "CorrectVenueRequest", description = "A venue as it should stand, and why it is corrected.")
    record VenueCorrection(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Regionsgården, Hillerød", maxLength = 200)
            @NotBlank @Size(max = 200) String name,
            @Schema(example = "Kongens Vænge 2, 3400 Hillerød", maxLength = 300) @Size(max = 300) String address,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "40", minimum = "1", maximum = "100000")
            @NotNull @Min(1) @Max(100_000) Integer capacity,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HOSPITAL",
                    description = "What kind of place it is, as it should stand (a correction left without it turned a "
                            + "hospital into OTHER); every item at a HOSPITAL venue needs cost coverage (R3)")
            @NotNull VenueKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "The hall seats 60, not 40", maxLength = 2000)
            @NotBlank @Size(max = 2000) String reason) {
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

    @PutMapping(path = "/partners/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct a partner as registered, with the reason",
            description = "DESK. Every field as it should stand. Programme items name the partner by id, so they show "
                    + "the corrected name; whether it hosts as a hospital decides R3 for items added or changed after "
                    + "it. A name another partner has is 409 DUPLICATE_NAME; nothing changed records nothing. Answers "
                    + "the partner's new version in ETag; an unknown id is 404 PARTNER_NOT_FOUND.")
    ResponseEntity<CommandAccepted> correctPartner(
            @Parameter(description = "The partner id", example = "PRT-7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
            @PathVariable PartnerId id, @Valid @RequestBody PartnerCorrection request,
            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        if (request.kind() == PartnerKind.HOSPITAL && Boolean.FALSE.equals(request.hospital())) {
            throw new InvalidInput(InputProblem.INVALID_FIELD, "hospital",
                    "contradicts kind HOSPITAL: a partner of that kind is a hospital (R3)");
        }
        return commands.ok(id, new CorrectPartnerCommand(id, request.name(), request.kind(),
                Boolean.TRUE.equals(request.hospital()), request.reason(), expected.value()));
    }

    @PutMapping(path = "/venues/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct a venue as registered, with the reason",
            description = "DESK. Every field as it should stand. Programme items name the venue by id, so they show the "
                    + "corrected name; a HOSPITAL kind decides R3 for items added or changed after it. A name another "
                    + "venue has is 409 DUPLICATE_NAME; nothing changed records nothing. Answers the venue's new "
                    + "version in ETag; an unknown id is 404 VENUE_NOT_FOUND.")
    ResponseEntity<CommandAccepted> correctVenue(
            @Parameter(description = "The venue id", example = "VEN-0b6c2b7e-1d2f-4a3b-8c9d-0e1f2a3b4c5d")
            @PathVariable VenueId id, @Valid @RequestBody VenueCorrection request,
            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new CorrectVenueCommand(id, request.name(), request.address(), request.capacity(),
                request.kind(), request.reason(), expected.value()));
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
