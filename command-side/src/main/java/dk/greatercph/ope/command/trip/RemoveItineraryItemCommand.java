package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.events.trip.TripId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RemoveItineraryItemCommand(@TargetAggregateIdentifier TripId tripId, String itemId,
                                         @TargetAggregateVersion Long expectedVersion) {
}
