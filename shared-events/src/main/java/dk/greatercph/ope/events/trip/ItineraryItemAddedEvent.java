package dk.greatercph.ope.events.trip;

import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.serialization.Revision;

import java.time.LocalDateTime;

/**
 * A meeting or visit on a trip's itinerary, in local time at {@code city}, optionally serving an operator's or
 * a company's objective.
 */
@Revision("1")
public record ItineraryItemAddedEvent(TripId tripId, String itemId, LocalDateTime startsAt, LocalDateTime endsAt,
                                      String city, String counterpart, String description,
                                      OperatorId objectiveOperator, String objectiveCompany) {
}
