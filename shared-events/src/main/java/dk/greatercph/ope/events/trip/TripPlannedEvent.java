package dk.greatercph.ope.events.trip;

import dk.greatercph.ope.events.person.SealedText;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A trip was planned. Rule R7: the first trip of a calendar year is the annual trip; any further trip that
 * year is extraordinary and carries the reason it was stated for. The leader is a person (R9): the name is
 * sealed with the leader's key. Revision 1 held the name in clear; it is read as revision 2 through an upcaster.
 */
@Revision("2")
public record TripPlannedEvent(TripId tripId, int year, String title, List<String> destinations, LocalDate startDate,
                               LocalDate endDate, SealedText leader, boolean extraordinary, String extraordinaryReason) {

    public TripPlannedEvent {
        destinations = List.copyOf(destinations);
    }
}
