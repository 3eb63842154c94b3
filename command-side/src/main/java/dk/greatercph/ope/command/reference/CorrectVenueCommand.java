package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Correct a venue as registered: every field as it should stand, and why. */
public record CorrectVenueCommand(@TargetAggregateIdentifier VenueId venueId, String name, String address,
                                  int capacity, VenueKind kind, String reason,
                                  @TargetAggregateVersion Long expectedVersion) {
}
