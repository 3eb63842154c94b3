package dk.greatercph.ope.events.trip;

import org.axonframework.serialization.Revision;

/** An item taken off a trip's itinerary while the trip is planned (mistyped, or no longer happening). */
@Revision("1")
public record ItineraryItemRemovedEvent(TripId tripId, String itemId) {
}
