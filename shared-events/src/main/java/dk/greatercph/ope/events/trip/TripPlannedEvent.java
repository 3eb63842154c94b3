package dk.greatercph.ope.events.trip;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A trip was planned. Rule R7: the first trip of a calendar year is the annual trip; any further trip that
 * year is extraordinary and carries the reason it was stated for.
 */
@Revision("1")
public record TripPlannedEvent(TripId tripId, int year, String title, List<String> destinations, LocalDate startDate,
                               LocalDate endDate, String leader, boolean extraordinary, String extraordinaryReason) {

    public TripPlannedEvent {
        destinations = List.copyOf(destinations);
    }
}
