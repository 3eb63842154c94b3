package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.trip.TripId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Plan a trip: the year's annual trip, or with {@code extraordinaryReason} an extraordinary one, which a second trip
 * in the same year must be (R7). The leader's name
 * arrives clear and is sealed with {@code leaderPersonId}'s key.
 */
public record PlanTripCommand(@TargetAggregateIdentifier TripId tripId, int year, String title,
                              List<String> destinations, LocalDate startDate, LocalDate endDate, String leader,
                              PersonId leaderPersonId, String extraordinaryReason) {

    @Override
    public String toString() {
        return "PlanTripCommand[" + tripId + ", " + year + ", " + leaderPersonId + "]";
    }
}
