package dk.greatercph.ope.events.reference;

import org.axonframework.serialization.Revision;

/**
 * The desk corrected a venue as registered (a misspelt name, a wrong address, capacity or kind), with its reason:
 * every field as it now stands. Programme items keep naming the venue by id, so they show the corrected name; a
 * change of kind to or from {@link VenueKind#HOSPITAL} decides rule R3 for items added or changed after it (an item
 * keeps what was known when it was recorded).
 */
@Revision("1")
public record VenueCorrectedEvent(VenueId venueId, String name, String address, int capacity, VenueKind kind,
                                  String reason) {
}
