package dk.greatercph.ope.events.reference;

import org.axonframework.serialization.Revision;

/**
 * A place where programme items can be held. Revision 2 added {@code kind}; a revision-1 venue reads as
 * {@link VenueKind#OTHER}, as nothing was known of it (the platform's {@code VenueRegisteredUpcaster}).
 */
@Revision("2")
public record VenueRegisteredEvent(VenueId venueId, String name, String address, int capacity, VenueKind kind) {

    /** A venue of no particular kind. */
    public VenueRegisteredEvent(VenueId venueId, String name, String address, int capacity) {
        this(venueId, name, address, capacity, VenueKind.OTHER);
    }
}
