package dk.greatercph.ope.events.reference;

import org.axonframework.serialization.Revision;

/** A place where programme items can be held. */
@Revision("1")
public record VenueRegisteredEvent(VenueId venueId, String name, String address, int capacity) {
}
