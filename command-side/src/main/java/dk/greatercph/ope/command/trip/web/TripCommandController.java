package dk.greatercph.ope.command.trip.web;

import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.command.person.PersonReferences;
import dk.greatercph.ope.command.trip.AddItineraryItemCommand;
import dk.greatercph.ope.command.trip.AddParticipantCommand;
import dk.greatercph.ope.command.trip.ApproveTripCommand;
import dk.greatercph.ope.command.trip.CancelTripCommand;
import dk.greatercph.ope.command.trip.CompleteTripCommand;
import dk.greatercph.ope.command.trip.PlanTripCommand;
import dk.greatercph.ope.command.trip.RemoveParticipantCommand;
import dk.greatercph.ope.command.web.CommandAccepted;
import dk.greatercph.ope.command.web.Versions;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.trip.FollowUp;
import dk.greatercph.ope.events.trip.TripId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Commands on outgoing political trips. */
@RestController
@RequestMapping(path = "/api/trips", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Trips (commands)",
        description = "The Capital Region's outgoing political trips: planning (one annual trip a year, rule R7), participants, itinerary, approval and closure.")
class TripCommandController {

    private static final String IF_MATCH = "Only if the trip is still at this version, e.g. \"2\"";

    private final CommandGateway commandGateway;
    private final PersonReferences persons;

    TripCommandController(CommandGateway commandGateway, PersonReferences persons) {
        this.commandGateway = commandGateway;
        this.persons = persons;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan a trip (the year's first is the annual trip; further ones need a reason, rule R7)",
            description = "DESK. The leader's name is sealed with the leader's person key (R9). A second trip in a year without extraordinaryReason is 422 ANNUAL_TRIP_EXISTS. Answers 201 with the trip id in Location.")
    ResponseEntity<CommandAccepted> plan(@Valid @RequestBody TripRequests.Plan request) {
        TripId id = TripId.newId();
        commandGateway.sendAndWait(new PlanTripCommand(id, request.year(), request.title(),
                request.destinations(), request.startDate(), request.endDate(), request.leader(),
                persons.newOrExisting("leaderPersonId", request.leaderPersonId()), request.extraordinaryReason()));
        return Versions.created("/api/trips/" + id, id.value(), 0);
    }

    @PostMapping(path = "/{id}/participants", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a participant: politician, official, operator or company",
            description = "DESK, while the trip is being planned. Name and title are sealed with the participant's person key (R9); an operator's participant names the operator (OPERATOR_REQUIRED). Answers 201 with the participant id in Location.")
    ResponseEntity<CommandAccepted> addParticipant(
            @PathVariable String id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TripRequests.Participant request) {
        String participantId = "PAR-" + UUID.randomUUID();
        PersonId person = persons.newOrExisting("personId", request.personId());
        long version = commandGateway.<CommandResult>sendAndWait(new AddParticipantCommand(new TripId(id), participantId,
                request.kind(), person, request.name(), request.title(), request.organisation(),
                request.operatorId() == null ? null : new OperatorId(request.operatorId()), Versions.ifMatch(ifMatch))).versionOrThrow();
        return Versions.created("/api/trips/" + id + "/participants/" + participantId, participantId, version);
    }

    @DeleteMapping("/{id}/participants/{participantId}")
    @Operation(summary = "Remove a participant",
            description = "DESK, while the trip is being planned. An unknown participant is 404 PARTICIPANT_NOT_FOUND.")
    ResponseEntity<CommandAccepted> removeParticipant(
            @PathVariable String id, @PathVariable String participantId,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        long version = commandGateway.<CommandResult>sendAndWait(new RemoveParticipantCommand(new TripId(id), participantId,
                Versions.ifMatch(ifMatch))).versionOrThrow();
        return Versions.ok(id, version);
    }

    @PostMapping(path = "/{id}/itinerary-items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a meeting or visit to the itinerary",
            description = "DESK, while the trip is being planned. The item lies within the trip's dates (OUTSIDE_TRIP) and ends after it starts (INVALID_TIME_SLOT); its times are local to the city. Answers 201 with the item id in Location.")
    ResponseEntity<CommandAccepted> addItineraryItem(
            @PathVariable String id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TripRequests.ItineraryItem request) {
        String itemId = "ITI-" + UUID.randomUUID();
        long version = commandGateway.<CommandResult>sendAndWait(new AddItineraryItemCommand(new TripId(id), itemId,
                request.startsAt(), request.endsAt(), request.city(), request.counterpart(), request.description(),
                request.objectiveOperator() == null ? null : new OperatorId(request.objectiveOperator()),
                request.objectiveCompany(), Versions.ifMatch(ifMatch))).versionOrThrow();
        return Versions.created("/api/trips/" + id + "/itinerary-items/" + itemId, itemId, version);
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve the trip's programme",
            description = "DESK. Needs participants and an itinerary (422 TRIP_NOT_READY otherwise); an approved trip appears on the schedule as confirmed.")
    ResponseEntity<CommandAccepted> approve(
            @PathVariable String id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(id, commandGateway.<CommandResult>sendAndWait(
                new ApproveTripCommand(new TripId(id), Versions.ifMatch(ifMatch))).versionOrThrow());
    }

    @PostMapping(path = "/{id}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete the trip with its report",
            description = "DESK, after approval (422 TRIP_NOT_APPROVED otherwise): outcomes, agreements signed and follow-ups handed to operators.")
    ResponseEntity<CommandAccepted> complete(
            @PathVariable String id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TripRequests.Completion request) {
        List<FollowUp> followUps = request.followUps() == null ? List.of() : request.followUps().stream()
                .map(f -> new FollowUp(new OperatorId(f.operatorId()), f.action())).toList();
        return Versions.ok(id, commandGateway.<CommandResult>sendAndWait(new CompleteTripCommand(new TripId(id),
                request.outcomes(), request.agreementsSigned(), followUps, Versions.ifMatch(ifMatch))).versionOrThrow());
    }

    @PostMapping(path = "/{id}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel the trip",
            description = "DESK, with a reason. Cancelling an annual trip frees its year for another annual trip.")
    ResponseEntity<CommandAccepted> cancel(
            @PathVariable String id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TripRequests.Cancellation request) {
        return Versions.ok(id, commandGateway.<CommandResult>sendAndWait(
                new CancelTripCommand(new TripId(id), request.reason(), Versions.ifMatch(ifMatch))).versionOrThrow());
    }
}
