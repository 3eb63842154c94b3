package dk.greatercph.ope.events.trip;

import org.axonframework.serialization.Revision;

/** The trip's programme was approved; who approved it is in the metadata. */
@Revision("1")
public record TripApprovedEvent(TripId tripId) {
}
