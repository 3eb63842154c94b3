package dk.greatercph.ope.query.trip;

import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.privacy.PersonalDataReads;
import dk.greatercph.ope.platform.problem.DomainProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** Outgoing political trips. */
@RestController
@RequestMapping(path = "/api/trips", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Trips (queries)",
        description = "Outgoing political trips with their participants and itinerary.")
class TripQueryController {

    private final QueryGateway queryGateway;

    TripQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    @Operation(summary = "All trips, optionally of one year, by start date",
            description = "DESK or AUDITOR. Reading a trip's leader and participants is recorded as a read of personal data.")
    List<TripView> trips(@Parameter(example = "2027") @RequestParam(required = false) Integer year) {
        List<TripView> trips = queryGateway.query(new FindTripsQuery(year),
                ResponseTypes.multipleInstancesOf(TripView.class)).join();
        trips.forEach(TripQueryController::shown);
        return trips;
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
            description = "DESK or AUDITOR. With its participants and itinerary; reading it is recorded as a read of personal data. An unknown id is 404.")
    ResponseEntity<TripView> trip(@PathVariable String id) {
        return queryGateway.query(new FindTripQuery(id), ResponseTypes.optionalInstanceOf(TripView.class)).join()
                .map(TripQueryController::shown)
                .map(view -> ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view))
                .orElseThrow(() -> new DomainProblem(TripQueryProblem.TRIP_NOT_FOUND, "No trip with id " + id + "."));
    }
}
