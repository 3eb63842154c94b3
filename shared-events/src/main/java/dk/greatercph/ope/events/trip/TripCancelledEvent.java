package dk.greatercph.ope.events.trip;

import org.axonframework.serialization.Revision;

/** The trip will not take place. If it was the year's annual trip, the year is free for another. */
@Revision("1")
public record TripCancelledEvent(TripId tripId, String reason) {
}
