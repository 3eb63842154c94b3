package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.events.trip.TripId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CancelTripCommand(@TargetAggregateIdentifier TripId tripId, String reason,
                                @TargetAggregateVersion Long expectedVersion) {
}
