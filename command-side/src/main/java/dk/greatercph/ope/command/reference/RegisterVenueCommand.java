package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a venue where programme items can take place, and what kind of place it is. */
public record RegisterVenueCommand(@TargetAggregateIdentifier VenueId venueId, String name, String address,
                                   int capacity, VenueKind kind) {
}
