package dk.greatercph.ope.query.trip;

import dk.greatercph.ope.platform.input.Cursors;
import dk.greatercph.ope.platform.input.NextPage;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.privacy.PersonalDataReads;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Outgoing political trips. */
@RestController
@RequestMapping(path = "/api/trips", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Trips (queries)",
        description = "Outgoing political trips with their participants and itinerary.")
class TripQueryController {

    static final int MAX_LIMIT = 200;
    private static final String CURSOR = "trips:";

    private final QueryGateway queryGateway;
    private final ProjectionProgress progress;

    TripQueryController(QueryGateway queryGateway, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.progress = progress;
    }

    @GetMapping
    @Operation(summary = "The trips, optionally of one year, by start date",
            description = "DESK or AUDITOR. Reading a trip's leader and participants is recorded as a read of personal "
                    + "data. Ordered by start date, then id, in pages of at most limit (" + MAX_LIMIT + " without "
                    + "it); when more follow, the Link header names the next page (rel=\"next\", the same year with "
                    + "its 'after' cursor).")
    @ApiResponse(responseCode = "200", description = "A page of trips, by start date",
            headers = @Header(name = HttpHeaders.LINK, description = "The next page, when there is one",
                    schema = @Schema(type = "string", example = "</api/trips?year=2027&limit=20&after=dHJpcHM6MjAyNy0wNS0xMHxUUlAtNWIwYzhiMGUtM2MxZS00YThmLTlkNDMtMWYyYTNiNGM1ZDZl>; rel=\"next\"")))
    ResponseEntity<List<TripView>> trips(
            @Parameter(example = "2027") @RequestParam(required = false) Integer year,
            @Parameter(description = "Page size, at most " + MAX_LIMIT, example = "20")
            @RequestParam(defaultValue = "" + MAX_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @Parameter(description = "The cursor of the next page, as the Link header of the previous page names it")
            @RequestParam(required = false) String after,
            HttpServletRequest request) {
        // rebuilt, the list answered 200 with no trips
        progress.requireNotRebuilding(TripProjection.NAME, TripQueryProblem.PROJECTION_BEHIND);
        FindTripsQuery.Position from = Cursors.decode(CURSOR, after, raw -> {
            int bar = raw.indexOf('|');
            if (bar < 0 || bar == raw.length() - 1) {
                throw new IllegalArgumentException(raw);
            }
            return new FindTripsQuery.Position(LocalDate.parse(raw.substring(0, bar)), raw.substring(bar + 1));
        });
        List<TripView> rows = queryGateway.query(new FindTripsQuery(year, from, limit + 1),
                ResponseTypes.multipleInstancesOf(TripView.class)).join();
        ResponseEntity<List<TripView>> page = NextPage.of(rows, limit,
                trip -> Cursors.encode(CURSOR, trip.startDate() + "|" + trip.id()), request);
        page.getBody().forEach(TripQueryController::shown);
        return page;
    }

    private Optional<TripView> find(FindTripQuery query) {
        return queryGateway.query(query, ResponseTypes.optionalInstanceOf(TripView.class)).join();
    }

    /** The leader and participants are people: a read that shows them is recorded. */
    private static TripView shown(TripView trip) {
        List<String> people = new ArrayList<>();
        if (trip.leaderPersonId() != null && !PersonalData.ERASED.equals(trip.leader())) {
            people.add(trip.leaderPersonId());
        }
        trip.participants().stream().filter(p -> !PersonalData.ERASED.equals(p.name()))
                .forEach(p -> people.add(p.personId()));
        PersonalDataReads.shown(people);
        return trip;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One trip",
            description = """
                    DESK or AUDITOR. With its participants and itinerary (times local to each item's time zone, with \
                    its offset); reading it is recorded as a read of personal data. An unknown id is 404 \
                    TRIP_NOT_FOUND. Read-your-writes as for delegations: with ?minVersion=N (the ETag a trip command \
                    answered) the request waits up to 5 seconds until the view has reached version N (or a \
                    just-planned trip appears); if it is still behind then, 409 PROJECTION_BEHIND and the client \
                    retries.""")
    @ApiResponse(responseCode = "200", description = "The trip; its version is in the ETag")
    @ApiResponse(responseCode = "404", description = "No such trip (TRIP_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "minVersion was not reached within 5 seconds, or the view is "
            + "being rebuilt and has not yet reached what was recorded before the request (PROJECTION_BEHIND)")
    ResponseEntity<TripView> trip(
            @Parameter(description = "The trip id", example = "TRP-5b0c8b0e-3c1e-4a8f-9d43-1f2a3b4c5d6e")
            @PathVariable String id,
            @Parameter(description = "Wait (at most 5 s) until the view reflects at least this aggregate version",
                    example = "3")
            @RequestParam(required = false) @Min(0) Long minVersion) {
        TripView found = shown(read(id, minVersion));
        return ResponseEntity.ok().eTag("\"" + found.version() + "\"").body(found);
    }

    @GetMapping("/{id}/participants/{participantId}")
    @Operation(summary = "One participant of a trip",
            description = """
                    DESK or AUDITOR. Where the Location of a participant's addition points; reading it is recorded as \
                    a read of that person's personal data. Read-your-writes with ?minVersion=N as for the trip. A \
                    participant the trip does not have (or no longer has: removed) is 404 PARTICIPANT_NOT_FOUND.""")
    @ApiResponse(responseCode = "200", description = "The participant; the trip's version is in the ETag")
    @ApiResponse(responseCode = "404", description = "No such trip (TRIP_NOT_FOUND) or participant (PARTICIPANT_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "minVersion was not reached within 5 seconds, or the view is being rebuilt (PROJECTION_BEHIND)")
    ResponseEntity<TripView.Participant> participant(
            @Parameter(description = "The trip id", example = "TRP-5b0c8b0e-3c1e-4a8f-9d43-1f2a3b4c5d6e")
            @PathVariable String id,
            @Parameter(description = "The participant id", example = "PAR-3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f")
            @PathVariable String participantId,
            @Parameter(description = "Wait (at most 5 s) until the view reflects at least this aggregate version",
                    example = "2")
            @RequestParam(required = false) @Min(0) Long minVersion) {
        TripView trip = read(id, minVersion);
        TripView.Participant participant = trip.participants().stream()
                .filter(p -> p.participantId().equals(participantId)).findFirst()
                .orElseThrow(() -> new DomainProblem(TripQueryProblem.PARTICIPANT_NOT_FOUND,
                        "Trip " + id + " has no participant " + participantId + "."));
        if (!PersonalData.ERASED.equals(participant.name())) {
            PersonalDataReads.shown(List.of(participant.personId()));
        }
        return ResponseEntity.ok().eTag("\"" + trip.version() + "\"").body(participant);
    }

    @GetMapping("/{id}/itinerary-items/{itemId}")
    @Operation(summary = "One item of a trip's itinerary",
            description = """
                    DESK or AUDITOR. Where the Location of an itinerary item's addition points: its times local to \
                    its time zone, with the offset. Read-your-writes with ?minVersion=N as for the trip. An item the \
                    trip does not have is 404 ITINERARY_ITEM_NOT_FOUND.""")
    @ApiResponse(responseCode = "200", description = "The item; the trip's version is in the ETag")
    @ApiResponse(responseCode = "404", description = "No such trip (TRIP_NOT_FOUND) or item (ITINERARY_ITEM_NOT_FOUND)")
    @ApiResponse(responseCode = "409", description = "minVersion was not reached within 5 seconds, or the view is being rebuilt (PROJECTION_BEHIND)")
    ResponseEntity<TripView.ItineraryItem> itineraryItem(
            @Parameter(description = "The trip id", example = "TRP-5b0c8b0e-3c1e-4a8f-9d43-1f2a3b4c5d6e")
            @PathVariable String id,
            @Parameter(description = "The item id", example = "ITI-6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c")
            @PathVariable String itemId,
            @Parameter(description = "Wait (at most 5 s) until the view reflects at least this aggregate version",
                    example = "3")
            @RequestParam(required = false) @Min(0) Long minVersion) {
        TripView trip = read(id, minVersion);
        return trip.itinerary().stream().filter(item -> item.itemId().equals(itemId)).findFirst()
                .map(item -> ResponseEntity.ok().eTag("\"" + trip.version() + "\"").body(item))
                .orElseThrow(() -> new DomainProblem(TripQueryProblem.ITINERARY_ITEM_NOT_FOUND,
                        "Trip " + id + " has no itinerary item " + itemId + "."));
    }

    /** The trip, with read-your-writes; TRIP_NOT_FOUND or PROJECTION_BEHIND otherwise. */
    private TripView read(String id, Long minVersion) {
        FindTripQuery query = new FindTripQuery(id);
        Optional<TripView> view = minVersion == null
                ? progress.current(TripProjection.NAME, () -> find(query), TripQueryProblem.PROJECTION_BEHIND)
                : progress.readAtLeast(TripProjection.NAME, minVersion, () -> find(query), TripView::version,
                        TripQueryProblem.PROJECTION_BEHIND);
        if (minVersion != null && view.isPresent() && view.get().version() < minVersion) {
            throw new DomainProblem(TripQueryProblem.PROJECTION_BEHIND, "The view is at version "
                    + view.get().version() + ", not yet at " + minVersion + "; retry shortly.");
        }
        return view.orElseThrow(() -> new DomainProblem(TripQueryProblem.TRIP_NOT_FOUND, "No trip with id " + id + "."));
    }
}
