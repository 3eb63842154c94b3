package dk.greatercph.ope.command.trip.web;

import dk.greatercph.ope.command.person.PersonReferences;
import dk.greatercph.ope.command.trip.AddItineraryItemCommand;
import dk.greatercph.ope.command.trip.AddParticipantCommand;
import dk.greatercph.ope.command.trip.ApproveTripCommand;
import dk.greatercph.ope.command.trip.CancelTripCommand;
import dk.greatercph.ope.command.trip.CompleteTripCommand;
import dk.greatercph.ope.command.trip.PlanTripCommand;
import dk.greatercph.ope.command.trip.RemoveItineraryItemCommand;
import dk.greatercph.ope.command.trip.RemoveParticipantCommand;
import dk.greatercph.ope.command.web.CommandAccepted;
import dk.greatercph.ope.command.web.CommandAnswers;
import dk.greatercph.ope.command.web.Creates;
import dk.greatercph.ope.command.web.ExpectedVersion;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.trip.FollowUp;
import dk.greatercph.ope.events.trip.TripId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.time.LocalDateTime;
import java.util.UUID;

/** Commands on outgoing political trips. */
@RestController
@RequestMapping(path = "/api/trips", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Trips (commands)",
        description = "The Capital Region's outgoing political trips: planning (one annual trip a year, rule R7), participants, itinerary, approval and closure.")
class TripCommandController {

    private static final String IF_MATCH = "Only if the trip is still at this version, e.g. \"2\"";

    private final CommandAnswers commands;
    private final PersonReferences persons;

    TripCommandController(CommandAnswers commands, PersonReferences persons) {
        this.commands = commands;
        this.persons = persons;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan a trip (the year's first is the annual trip; further ones need a reason, rule R7)",
            description = "DESK. The leader's name is sealed with the leader's person key (R9). A trip without extraordinaryReason is the year's annual trip, and a second one is 422 ANNUAL_TRIP_EXISTS; a trip with extraordinaryReason is extraordinary and leaves the annual trip's place free. Answers 201 with the trip id in Location.")
    @Creates
    ResponseEntity<CommandAccepted> plan(@Valid @RequestBody TripRequests.Plan request) {
        TripId id = TripId.newId();
        return commands.registered("/api/trips/" + id, id, new PlanTripCommand(id, request.year(), request.title(),
                request.destinations(), request.startDate(), request.endDate(), request.leader(),
                persons.newOrExisting("leaderPersonId", request.leaderPersonId()), request.extraordinaryReason()));
    }

    @PostMapping(path = "/{id}/participants", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a participant: politician, official, operator or company",
            description = "DESK, while the trip is being planned (409 TRIP_NOT_OPEN once it is approved or closed). Name and title are sealed with the participant's person key (R9); an operator's participant names the operator (OPERATOR_REQUIRED). Answers 201 with the participant id in Location.")
    @Creates
    ResponseEntity<CommandAccepted> addParticipant(
            @Valid @RequestBody TripRequests.Participant request,
            @PathVariable TripId id,
            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        String participantId = "PAR-" + UUID.randomUUID();
        PersonId person = persons.newOrExisting("personId", request.personId());
        return commands.created("/api/trips/" + id + "/participants/" + participantId, participantId,
                new AddParticipantCommand(id, participantId, request.kind(), person, request.name(), request.title(),
                        request.organisation(), request.operatorId() == null ? null : new OperatorId(request.operatorId()),
                        expected.value()));
    }

    @DeleteMapping("/{id}/participants/{participantId}")
    @Operation(summary = "Remove a participant",
            description = "DESK, while the trip is being planned (409 TRIP_NOT_OPEN once it is approved or closed). An unknown participant is 404 PARTICIPANT_NOT_FOUND.")
    ResponseEntity<CommandAccepted> removeParticipant(
            @PathVariable TripId id, @PathVariable String participantId,
            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new RemoveParticipantCommand(id, participantId, expected.value()));
    }

    @DeleteMapping("/{id}/itinerary-items/{itemId}")
    @Operation(summary = "Remove an item from the itinerary",
            description = "DESK, while the trip is being planned (409 TRIP_NOT_OPEN once it is approved or closed). An unknown item is 404 ITINERARY_ITEM_NOT_FOUND.")
    ResponseEntity<CommandAccepted> removeItineraryItem(
            @PathVariable TripId id, @PathVariable String itemId,
            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new RemoveItineraryItemCommand(id, itemId, expected.value()));
    }

    @PostMapping(path = "/{id}/itinerary-items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a meeting or visit to the itinerary",
            description = "DESK, while the trip is being planned (409 TRIP_NOT_OPEN once it is approved or closed). The item lies within the trip's dates (OUTSIDE_TRIP) and ends after it starts (INVALID_TIME_SLOT); its times are local to the city, in timeZone (an IANA zone id, default Asia/Shanghai; otherwise 400 INVALID_TIME_ZONE); a time sent with an offset is read in that zone. A local time the clocks skip, a time in the hour they show twice sent without its offset, or a moment in that hour that the item (kept in local time, read at the earlier offset) would not keep, is 400 INVALID_FIELD naming it. Answers 201 with the item id in Location.")
    @Creates
    ResponseEntity<CommandAccepted> addItineraryItem(
            @Valid @RequestBody TripRequests.ItineraryItem request,
            @PathVariable TripId id,
            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        String itemId = "ITI-" + UUID.randomUUID();
        String zone = TimeZones.orChina("timeZone", request.timeZone());
        LocalDateTime startsAt = request.startsAt().inRange("startsAt").in(zone);
        LocalDateTime endsAt = request.endsAt().inRange("endsAt").in(zone);
        TimeZones.requireExists("startsAt", startsAt, zone);
        TimeZones.requireExists("endsAt", endsAt, zone);
        TimeZones.requireKept("startsAt", request.startsAt(), startsAt, zone);
        TimeZones.requireKept("endsAt", request.endsAt(), endsAt, zone);
        return commands.created("/api/trips/" + id + "/itinerary-items/" + itemId, itemId,
                new AddItineraryItemCommand(id, itemId, startsAt, endsAt, request.city(),
                        request.counterpart(), request.description(),
                        request.objectiveOperator() == null ? null : new OperatorId(request.objectiveOperator()),
                        request.objectiveCompany(), zone, expected.value()));
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve the trip's programme",
            description = "DESK. Needs participants and an itinerary (422 TRIP_NOT_READY otherwise); an approved trip appears on the schedule as confirmed.")
    ResponseEntity<CommandAccepted> approve(
            @PathVariable TripId id,
            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new ApproveTripCommand(id, expected.value()));
    }

    @PostMapping(path = "/{id}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete the trip with its report",
            description = "DESK, after approval (409 TRIP_NOT_APPROVED otherwise; 409 TRIP_CLOSED once completed or cancelled): outcomes, agreements signed and follow-ups handed to operators.")
    ResponseEntity<CommandAccepted> complete(
            @Valid @RequestBody TripRequests.Completion request,
            @PathVariable TripId id,
            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        List<FollowUp> followUps = request.followUps() == null ? List.of() : request.followUps().stream()
                .map(f -> new FollowUp(new OperatorId(f.operatorId()), f.action())).toList();
        return commands.ok(id, new CompleteTripCommand(id, request.outcomes(), request.agreementsSigned(), followUps,
                expected.value()));
    }

    @PostMapping(path = "/{id}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel the trip",
            description = "DESK, with a reason. Cancelling an annual trip frees its year for another annual trip.")
    ResponseEntity<CommandAccepted> cancel(
            @Valid @RequestBody TripRequests.Cancellation request,
            @PathVariable TripId id,
            @Parameter(description = IF_MATCH) ExpectedVersion expected) {
        return commands.ok(id, new CancelTripCommand(id, request.reason(), expected.value()));
    }
}
